/** The app's version from package.json, defined by vite.config.ts. */
declare const __APP_VERSION__: string;

/** The bundled templates' regions by locale: [ISO 3166 code, name] in alphabetical order, made by vite.config.ts. */
declare module 'virtual:region-names' {
  const names: Readonly<Record<string, readonly (readonly [code: string, name: string])[]>>;
  export default names;
}
