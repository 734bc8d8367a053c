/**
 * mermaid's `getConfig()` returns a fresh copy of its whole configuration (about 700 values, most of them
 * theme colours) on every call, and parsing one small flowchart calls it a dozen times: that copying was
 * most of the time a syntax check took. This rewrites the validator's own private copy of the browser build
 * so that `getConfig()` hands out one copy for as long as the configuration object stays the same; mermaid
 * replaces that object whenever the configuration changes.
 *
 * Only the validator's copy is rewritten (the preview and webviews load the file untouched), and only when
 * the definition is found exactly once; otherwise mermaid runs as shipped, slower but the same. A
 * differential test checks that answers match unpatched `mermaid.parse` across diagram types.
 */
export function memoizeMermaidGetConfig(source: string): string {
  // `getConfig = __name(() => assignWithDepth({}, currentConfig), "getConfig")`, whatever the minifier named them.
  const definition = /([\w$]+)=([\w$]+)\(\(\)=>([\w$]+)\(\{\},([\w$]+)\),"getConfig"\)/g;
  const matches = [...source.matchAll(definition)];
  if (matches.length !== 1) return source;
  const [whole, name, nameHelper, assign, current] = matches[0] as unknown as [string, string, string, string, string];
  const memoized = `${name}=${nameHelper}((()=>{let seen,copy;return()=>seen===${current}?copy:(seen=${current},copy=${assign}({},${current}))})(),"getConfig")`;
  return source.replace(whole, () => memoized);
}
