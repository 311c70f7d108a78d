// cytoscape-svg ships without type declarations; it registers itself through cytoscape.use and adds cy.svg().
declare module 'cytoscape-svg' {
  import type { Ext } from 'cytoscape';
  const extension: Ext;
  export default extension;
}
