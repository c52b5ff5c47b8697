/**
 * Roles and accessible names as assistive technology gets them, computed by
 * axe-core's own implementation of the ARIA role and name algorithms (the
 * one its rules use), across open shadow roots.
 */
import { loadAxe } from './axe.ts';

export interface Named {
  el: Element;
  role: string;
  name: string;
}

/** Every element with a role inside `root` (a host's shadow tree included), with its accessible name. */
export async function namedElements(root: Element): Promise<Named[]> {
  const axe = (await loadAxe()) as unknown as {
    setup(node: Node): { children?: unknown[] };
    teardown(): void;
    utils: { querySelectorAll(tree: unknown, sel: string): { actualNode: Element }[] };
    commons: { aria: { getRole(el: Element): string | null }; text: { accessibleTextVirtual(v: unknown): string } };
  };
  const tree = axe.setup(root);
  try {
    const nodes = axe.utils.querySelectorAll(tree, '*');
    const out: Named[] = [];
    for (const v of nodes) {
      const role = axe.commons.aria.getRole(v.actualNode);
      if (!role || role === 'presentation' || role === 'none' || role === 'generic') continue;
      out.push({ el: v.actualNode, role, name: axe.commons.text.accessibleTextVirtual(v).trim() });
    }
    return out;
  } finally {
    axe.teardown();
  }
}

/** The names of every element of `role` inside `root`, in document order. */
export async function namesOf(root: Element, role: string): Promise<string[]> {
  return (await namedElements(root)).filter((n) => n.role === role).map((n) => n.name);
}

/** The one element with `role` and accessible name `name` inside `root`. */
export async function byRole<T extends Element = HTMLElement>(root: Element, role: string, name: string | RegExp): Promise<T> {
  const all = (await namedElements(root)).filter((n) => n.role === role);
  const hits = all.filter((n) => (typeof name === 'string' ? n.name === name : name.test(n.name)));
  if (hits.length !== 1) {
    throw new Error(`${hits.length} elements with role ${role} named ${String(name)}; ${role}s: ${JSON.stringify(all.map((n) => n.name))}`);
  }
  return hits[0]!.el as T;
}
