/** LinkedIn's theme, as its markup shows it: a `theme--dark` class on <html> (or <body>). */
export function isLinkedInDark(doc: Document): boolean {
  const classes = `${doc.documentElement.className} ${doc.body?.className ?? ''}`;
  return /(^|\s)theme--(mercado-)?dark(\s|$)/.test(classes);
}

/** Calls back when the theme changes; cheap: it watches two elements' class attributes. */
export function watchLinkedInTheme(doc: Document, onChange: (dark: boolean) => void): () => void {
  let dark = isLinkedInDark(doc);
  onChange(dark);
  const observer = new MutationObserver(() => {
    const now = isLinkedInDark(doc);
    if (now === dark) return;
    dark = now;
    onChange(dark);
  });
  observer.observe(doc.documentElement, { attributes: true, attributeFilter: ['class'] });
  if (doc.body) observer.observe(doc.body, { attributes: true, attributeFilter: ['class'] });
  return () => observer.disconnect();
}
