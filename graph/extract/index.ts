/**
 * The extractor: a plan text in, a draft graph out, from the text alone.
 * It knows the genre (the sections such plans and their interpretations share,
 * count words, enumerations, verbs), never the names of one plan.
 */
import type { GraphWarning, PlanDocument, PlanEdge, PlanNode } from '../model/types.ts';
import { findMentions, parseActionBody, parseTask, type ActionBody, type Member } from './actions.ts';
import { Draft } from './draft.ts';
import { extractGoals } from './goals.ts';
import { allBody, parseMeta, parseSections, sectionRole, type Section } from './structure.ts';
import { splitTopLevel, sub, trim, type Segment } from './text.ts';

export interface ExtractInput {
  /** Plan id: the prefix of every plan-scoped node id, and the document id. */
  id: string;
  text: string;
  /** Metadata that overrides what the text says (title, issuer, published …). */
  meta?: Partial<Pick<PlanDocument, 'title' | 'issuer' | 'published'>> & Record<string, string>;
}

export interface Extraction {
  document: PlanDocument;
  nodes: PlanNode[];
  edges: PlanEdge[];
  warnings: GraphWarning[];
}

export class ExtractionError extends Error {}

/** The words an action's name is known by elsewhere: 实施X建设行动 → X. */
function actionCore(name: string): string {
  return name.replace(/^(大力|全面|深入)?实施/, '').replace(/(建设|提质|协同共建|共建)?行动$/, '');
}

export function extract(input: ExtractInput): Extraction {
  const { id: planId, text } = input;
  if (!text.trim()) throw new ExtractionError('the text is empty');
  if (text.includes('\u0000')) throw new ExtractionError('the text contains NUL bytes: is it a binary file?');
  const draft = new Draft(planId);
  const meta = parseMeta(text);
  const sections = parseSections(text);
  if (sections.length === 0) {
    throw new ExtractionError('no sections found: expected headings such as 一、… 二、… on lines of their own');
  }

  const titleText = input.meta?.title ?? meta.title?.text ?? planId;
  const titleSpan = meta.title ?? trim(sub({ start: 0, end: text.length, text }, 0, Math.min(text.length, 40)));
  const plan = draft.node(planId, 'Plan', titleText, titleSpan, {
    ...(meta.period ? { periodStart: meta.period.from, periodEnd: meta.period.to } : {}),
    ...(meta.issued ? { issued: meta.issued.value } : {}),
  });
  const defaultYear = meta.period?.to;

  if (meta.issuer) {
    const org = draft.entity('Organization', meta.issuer.text, meta.issuer);
    draft.edge('ISSUED_BY', plan.id, org.id, meta.issuer);
  } else {
    draft.warn('no-issuer', 'the text does not say who issued the plan (expected “…年…月,X印发《…》”)');
  }
  if (meta.interpreter) {
    const org = draft.entity('Organization', meta.interpreter.text, meta.interpreter);
    draft.edge('INTERPRETED_BY', plan.id, org.id, meta.interpreter);
  }
  // Places the title names (…融入成渝地区双城经济圈…) are what the plan is about.
  if (meta.title) linkAbout(draft, plan.id, findMentions(meta.title), ['Place', 'Corridor']);

  const roles = sections.map((s) => sectionRole(s.heading.text));
  if (!roles.includes('goals')) draft.warn('no-goals', 'no goals section found (a heading with 目标)');
  if (!roles.includes('actions')) draft.warn('no-actions', 'no actions section found (主要内容, 主要任务, 重点任务 …)');

  sections.forEach((section, i) => {
    const role = roles[i];
    if (role === 'background') extractPolicies(draft, plan.id, allBody(section));
    if (role === 'goals') extractGoalNodes(draft, planId, allBody(section), defaultYear);
    if (role === 'actions') extractActions(draft, planId, section);
  });
  sections.forEach((section, i) => {
    if (roles[i] === 'qa') extractAnswers(draft, planId, section);
  });
  inferServes(draft, planId);

  const document: PlanDocument = {
    id: planId,
    title: titleText,
    issuer: input.meta?.issuer ?? meta.issuer?.text ?? '',
    published: input.meta?.published ?? meta.published?.value ?? '',
    text,
  };
  return { document, nodes: draft.toNodes(), edges: draft.toEdges(), warnings: draft.warnings };
}

function actionsOf(draft: Draft, planId: string) {
  return draft.actions.filter((a) => a.id.startsWith(`${planId}/`));
}

function linkAbout(draft: Draft, from: string, mentions: Member[], kinds?: string[]): void {
  for (const m of mentions) {
    if (!m.kind || (kinds && !kinds.includes(m.kind))) continue;
    const entity = draft.entity(m.kind, m.zh, m.span);
    if (entity.id !== from) draft.edge('ABOUT', from, entity.id, m.span);
  }
}

/** 为贯彻落实A精神和B精神以及《C》: meetings (…精神) and documents (《…》) the plan carries out. */
function extractPolicies(draft: Draft, planId: string, body: Segment[]): void {
  for (const paragraph of body) {
    for (const clause of splitTopLevel(paragraph, ',,。;;')) {
      const lead = /^(?:为|为了)?(?:深入)?(?:贯彻落实|贯彻|落实)/.exec(clause.text);
      if (!lead) continue;
      for (const item of splitTopLevel(sub(clause, lead[0].length), ['、', '和', '以及', '及'])) {
        const doc = /^《(.+)》$/.exec(item.text);
        if (doc) {
          const policy = draft.entity('Policy', item.text, item, { form: 'document' });
          draft.edge('IMPLEMENTS', planId, policy.id, item);
        } else if (item.text.endsWith('精神') && item.text.length > 4) {
          const meeting = sub(item, 0, item.text.length - 2);
          const policy = draft.entity('Policy', meeting.text, item, { form: 'meeting' });
          draft.edge('IMPLEMENTS', planId, policy.id, item);
        }
      }
    }
  }
}

function extractGoalNodes(draft: Draft, planId: string, body: Segment[], defaultYear: number | undefined): void {
  const goals = extractGoals(body, defaultYear);
  if (goals.length === 0 && body.length > 0) draft.warn('no-goals', 'the goals section states no goal', body[0]);
  goals.forEach((goal, i) => {
    const node = draft.node(`${planId}/goal-${i + 1}`, 'Goal', goal.zh, goal.span, { order: i + 1, ...goal.props });
    draft.edge('SETS', planId, node.id, goal.span);
    // What the goal names: things mentioned where it is stated that its own name carries
    // (经西部陆海新通道运行的货值 is about the corridor, not about 中欧班列 named beside it).
    const named = findMentions(goal.span).filter((m) => goal.zh.includes(m.zh));
    linkAbout(draft, node.id, named);
  });
}

function actionId(planId: string, n: number): string {
  return `${planId}/action-${n}`;
}

function extractActions(draft: Draft, planId: string, section: Section): void {
  const actions = section.children.filter((c) => /行动|任务|工程|计划/.test(c.heading.text) || c.body.length > 0);
  if (actions.length === 0) draft.warn('no-actions', 'the actions section has no (一)(二)… subsections', section.heading);
  actions.forEach((child, i) => {
    const n = i + 1;
    const action = draft.node(actionId(planId, n), 'Action', child.heading.text, child.heading, { order: n });
    draft.edge('HAS_ACTION', planId, action.id, child.heading);
    const paragraphs = allBody(child);
    if (paragraphs.length === 0) {
      draft.warn('empty-action', `action ${n} “${child.heading.text}” has no text`, child.heading, action.id);
      return;
    }
    // Numbered items (1. 2. …) under an action are its tasks; otherwise its paragraph lists them.
    if (child.children.length > 0) {
      const intro = child.body[0] ? parseActionBody(child.body[0]) : undefined;
      const tasks = child.children.map((item) => parseTask(trim(item.heading, '。;;')));
      const plan = intro?.plan ?? { memberCounts: [] };
      addTasks(draft, planId, action.id, {
        plan,
        tasks,
        ...(intro?.opening ? { opening: intro.opening } : {}),
      });
      return;
    }
    for (const paragraph of paragraphs) addTasks(draft, planId, action.id, parseActionBody(paragraph));
  });
}

/** Add an action body's tasks, their members and the count checks. */
function addTasks(draft: Draft, planId: string, actionNodeId: string, body: ActionBody): void {
  const action = draft.nodes.get(actionNodeId)!;
  if (body.opening) {
    draft.node(action.id, 'Action', action.zh, body.opening);
    if (body.plan.count !== undefined) {
      action.props.taskCount = body.plan.count;
      action.props.taskCountText = body.plan.countSpan?.text ?? '';
    }
  }
  const { count, countSpan } = body.plan;
  if (count !== undefined && countSpan && count !== body.tasks.length) {
    draft.warn(
      'count-mismatch',
      `“${countSpan.text}” announces ${count} task groups for “${action.zh}”, but the text lists ${body.tasks.length}`,
      countSpan,
      action.id,
    );
  }
  body.tasks.forEach((task, k) => {
    const order = k + 1;
    const taskId = `${actionNodeId}/task-${order}`;
    const known = draft.nodes.get(taskId);
    if (known && known.zh !== task.span.text) {
      draft.warn('restated-differently', `task ${order} of “${action.zh}” is restated as “${task.span.text}”, not “${known.zh}”`, task.span, taskId);
    }
    const node = draft.node(taskId, 'Task', known?.zh ?? task.span.text, task.span, { order });
    draft.edge('HAS_TASK', actionNodeId, node.id, task.span);
    const expected = body.plan.memberCounts[k];
    task.enumerations.forEach((e) => {
      node.props.memberCount = e.count;
      node.props.countWord = e.countWord.text;
      if (e.members.length !== e.count) {
        draft.warn('count-mismatch', `“${e.countWord.text}${e.head.text}” counts ${e.count}, but ${e.members.length} members are listed`, e.countWord, node.id);
      }
      if (expected !== undefined && expected !== e.count) {
        draft.warn('count-mismatch', `the task plan gives task ${order} ${expected} members, its text says “${e.countWord.text}” (${e.count})`, e.countWord, node.id);
      }
      for (const m of e.members) {
        if (!m.kind) {
          draft.warn('unknown-kind', `cannot tell what kind of thing “${m.zh}” is; say it in the curation file`, m.span, node.id);
          continue;
        }
        const entity = draft.entity(m.kind, m.zh, m.span);
        draft.edge('INVOLVES', node.id, entity.id, m.span, { group: e.head.text, countWord: e.countWord.text });
      }
    });
    for (const m of task.objects) {
      const entity = draft.entity(m.kind ?? 'Project', m.zh, m.span);
      draft.edge('INVOLVES', node.id, entity.id, m.span);
    }
    // A task that names another action's aim (打造内陆改革开放高地) ties the two actions together.
    for (const other of actionsOf(draft, planId)) {
      if (other.id === actionNodeId) continue;
      const core = actionCore(other.zh);
      const at = core.length >= 4 ? task.span.text.indexOf(core) : -1;
      if (at >= 0) draft.edge('RELATES_TO', node.id, other.id, sub(task.span, at, at + core.length));
    }
  });
}

/**
 * The Q&A part repeats the main part. An answer that restates an action's paragraph
 * is read again as that action's body, so every task and member gains a span; any
 * other answer adds spans to the actions and entities it names.
 */
function extractAnswers(draft: Draft, planId: string, section: Section): void {
  const actions = actionsOf(draft, planId);
  for (const question of section.children) {
    for (const paragraph of allBody(question)) {
      const answer = /^答[::]\s*/.exec(paragraph.text);
      const body = answer ? trim(sub(paragraph, answer[0].length)) : paragraph;
      const action = actions.find((a) => body.text.startsWith(`大力${a.zh}`) || body.text.startsWith(a.zh));
      if (action) {
        addTasks(draft, planId, action.id, parseActionBody(body));
        continue;
      }
      for (const a of actions) {
        let at = body.text.indexOf(a.zh);
        while (at >= 0) {
          a.spans.push(sub(body, at, at + a.zh.length));
          at = body.text.indexOf(a.zh, at + 1);
        }
        a.spans.sort((x, y) => x.start - y.start);
      }
    }
  }
}

/**
 * Two rules that hold across plans of the genre, both marked inferred:
 * a task serves the goals that are about something it works on, and an action
 * serves a goal whose text names the action's aim.
 */
function inferServes(draft: Draft, planId: string): void {
  const edges = [...draft.edges.values()];
  const goals = [...draft.nodes.values()].filter((n) => n.kind === 'Goal' && n.id.startsWith(`${planId}/`));
  const goalIds = new Set(goals.map((g) => g.id));
  const involvedBy = new Map<string, string[]>();
  for (const e of edges) {
    if (e.type !== 'INVOLVES') continue;
    const tasks = involvedBy.get(e.target);
    if (tasks) tasks.push(e.source);
    else involvedBy.set(e.target, [e.source]);
  }
  for (const about of edges.filter((e) => e.type === 'ABOUT' && goalIds.has(e.source))) {
    for (const task of involvedBy.get(about.target) ?? []) {
      const entity = draft.nodes.get(about.target)!;
      draft.inferred('SERVES', task, about.source, `the task works on ${entity.zh}, which the goal is about`);
    }
  }
  for (const action of actionsOf(draft, planId)) {
    const core = actionCore(action.zh);
    for (const goal of goals) {
      if (core.length >= 4 && goal.zh.includes(core)) {
        draft.inferred('SERVES', action.id, goal.id, `the goal names the action's aim, ${core}`);
      }
    }
  }
}
