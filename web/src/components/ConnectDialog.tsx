/**
 * Live mode: connect to Neo4j. Defaults come from VITE_NEO4J_URI / _USER / _DATABASE; the
 * password is typed by the user and never part of the bundle. The driver and the Cypher engine
 * are loaded only now (dynamic import, own chunk).
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ReasonError, reasonText, type Reason } from '../data/reasons.ts';
import { t } from '../i18n.ts';
import { useExplorer } from '../store/react.tsx';

const DEFAULTS = {
  uri: import.meta.env.VITE_NEO4J_URI ?? 'bolt://127.0.0.1:7687',
  user: import.meta.env.VITE_NEO4J_USER ?? 'neo4j',
  database: import.meta.env.VITE_NEO4J_DATABASE ?? '',
};

export default function ConnectDialog({ onClose }: { onClose: () => void }) {
  const lang = useExplorer((s) => s.lang);
  const load = useExplorer((s) => s.load);
  const ref = useRef<HTMLDialogElement>(null);
  const [uri, setUri] = useState(DEFAULTS.uri);
  const [user, setUser] = useState(DEFAULTS.user);
  const [password, setPassword] = useState('');
  const [database, setDatabase] = useState(DEFAULTS.database);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | Reason | null>(null);

  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const { connectLive } = await import('../data/live.ts');
      const src = await connectLive({ uri, user, password, database });
      await load(async () => src);
      onClose();
    } catch (err) {
      setError(err instanceof ReasonError ? err.reason : err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <dialog ref={ref} className="connect" aria-labelledby="connect-title" onCancel={onClose}>
      <form onSubmit={(e) => void submit(e)}>
        <h2 id="connect-title">{t(lang, 'connectTitle')}</h2>
        <label>
          {t(lang, 'uri')}
          <input value={uri} onChange={(e) => setUri(e.target.value)} required autoComplete="url" />
        </label>
        <label>
          {t(lang, 'user')}
          <input value={user} onChange={(e) => setUser(e.target.value)} autoComplete="username" />
        </label>
        <label>
          {t(lang, 'password')}
          <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="current-password" />
        </label>
        <label>
          {t(lang, 'database')}
          <input value={database} onChange={(e) => setDatabase(e.target.value)} placeholder="neo4j" />
        </label>
        {error && (
          <p className="error" role="alert">
            {t(lang, 'connectFailed', { reason: typeof error === 'string' ? error : reasonText(lang, error) })}
          </p>
        )}
        <div className="buttons">
          <button type="button" onClick={onClose}>
            {error ? t(lang, 'useSnapshot') : t(lang, 'cancel')}
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {busy ? t(lang, 'connecting') : t(lang, 'connectBtn')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
