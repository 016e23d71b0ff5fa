import { contract } from '../src/shared/api';
const types = new Map<string, number>();
const walk = (n: any, depth = 0): void => {
  if (!n?._zod || depth > 30) return; const d = n._zod.def; types.set(d.type + (d.format ? ':' + d.format : ''), (types.get(d.type) ?? 0) + 1);
  for (const k of ['innerType', 'element', 'in', 'out', 'valueType', 'keyType']) if (d[k]) walk(d[k], depth + 1);
  if (d.shape) for (const v of Object.values(d.shape)) walk(v, depth + 1);
  if (d.options) for (const o of d.options) walk(o, depth + 1);
  if (d.items) for (const o of d.items) walk(o, depth + 1);
  if (d.left) { walk(d.left, depth+1); walk(d.right, depth+1); }
};
for (const c of Object.values(contract)) walk((c as any).request);
console.log([...types.keys()].join(' '));
