/** Placeholder until live mode lands. */
export default function ConnectDialog({ onClose }: { onClose: () => void }) {
  return (
    <dialog open>
      <button type="button" onClick={onClose}>
        ✕
      </button>
    </dialog>
  );
}
