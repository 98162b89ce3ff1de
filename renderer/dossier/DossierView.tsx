/** The dossier model (shared/reports/dossier.ts) as a document on screen and on paper: the same content as the PDF. */
import type { Block, Dossier } from '../../shared/reports/dossier-model.ts';

function BlockView({ block }: { block: Block }) {
  switch (block.kind) {
    case 'facts':
      return (
        <dl className="dossier__facts">
          {block.rows.map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      );
    case 'table':
      return (
        <table className="data-table dossier__table">
          <caption className="sr-only">{block.caption}</caption>
          <thead>
            <tr>
              {block.columns.map((c) => (
                <th key={c} scope="col">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {block.rows.map((row, r) => (
              <tr key={r}>
                {row.map((cell, i) => (
                  <td key={i}>{cell}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      );
    case 'paragraph':
      return <p className={block.emphasis === 'muted' ? 'muted' : block.emphasis === 'strong' ? 'dossier__strong' : undefined}>{block.text}</p>;
    case 'steps':
      return (
        <>
          <h3>{block.title}</h3>
          <ol className="steps">
            {block.items.map((item, i) => (
              <li key={i}>{item}</li>
            ))}
          </ol>
        </>
      );
  }
}

export function DossierView({ dossier }: { dossier: Dossier }) {
  return (
    <article className="dossier" lang={dossier.locale}>
      <header className="dossier__cover">
        <p className="dossier__kicker">{dossier.title}</p>
        <h1 tabIndex={-1}>{dossier.name}</h1>
        <BlockView block={{ kind: 'facts', rows: dossier.cover }} />
      </header>
      {dossier.sections.map((section, i) => (
        <section key={section.id} className="dossier__section" aria-labelledby={`dossier-${section.id}`}>
          <h2 id={`dossier-${section.id}`}>{`${i + 1}. ${section.title}`}</h2>
          {section.blocks.map((block, b) => (
            <BlockView key={b} block={block} />
          ))}
        </section>
      ))}
    </article>
  );
}
