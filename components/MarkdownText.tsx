/**
 * The small part of Markdown that PRIVACY.md uses, as React elements (never as HTML strings):
 * `#` and `##` headings, `- ` lists, paragraphs, **bold**, *italic* and `code`.
 */
import type { ReactNode } from 'react';

const INLINE = /(\*\*[^*]+\*\*|\*[^*]+\*|`[^`]+`)/;

function inline(text: string): ReactNode[] {
  return text
    .split(INLINE)
    .filter(Boolean)
    .map((part, index) => {
      const key = `${index}-${part}`;
      if (part.startsWith('**') && part.endsWith('**'))
        return <strong key={key}>{part.slice(2, -2)}</strong>;
      if (part.startsWith('`') && part.endsWith('`'))
        return (
          <code key={key} className="font-mono text-sm">
            {part.slice(1, -1)}
          </code>
        );
      if (part.startsWith('*') && part.endsWith('*') && part.length > 2)
        return <em key={key}>{part.slice(1, -1)}</em>;
      return part;
    });
}

export function MarkdownText({ source }: { source: string }) {
  const blocks = source.split(/\n\s*\n/).map((block) => block.trim());
  return (
    <div className="space-y-3 text-sm leading-relaxed">
      {blocks.filter(Boolean).map((block) => {
        if (block.startsWith('# '))
          return (
            <h1 key={block} className="text-2xl font-bold">
              {inline(block.slice(2))}
            </h1>
          );
        if (block.startsWith('## '))
          return (
            <h2 key={block} className="pt-2 text-lg font-semibold">
              {inline(block.slice(3))}
            </h2>
          );
        if (block.startsWith('- ')) {
          return (
            <ul key={block} className="list-disc space-y-1 pl-5">
              {block.split(/\n(?=- )/).map((item) => (
                <li key={item}>{inline(item.slice(2).replace(/\s*\n\s*/g, ' '))}</li>
              ))}
            </ul>
          );
        }
        return <p key={block}>{inline(block.replace(/\s*\n\s*/g, ' '))}</p>;
      })}
    </div>
  );
}
