/** docs/workflow.md is generated from the transition table; this fails when the two drift apart. */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { workflowMarkdown } from './diagram.ts';
import { TRANSITION_IDS } from './lifecycle.ts';

const DOC = new URL('../../docs/workflow.md', import.meta.url);

describe('docs/workflow.md', () => {
  it('is exactly what workflowMarkdown() generates from the transition table', () => {
    if (process.env.TSP_WRITE_WORKFLOW_DOC === '1') fs.writeFileSync(DOC, workflowMarkdown());
    const onDisk = fs.existsSync(DOC) ? fs.readFileSync(DOC, 'utf8') : '';
    expect(onDisk, 'docs/workflow.md is stale: TSP_WRITE_WORKFLOW_DOC=1 npx vitest run shared/workflow/diagram.test.ts').toBe(workflowMarkdown());
  });

  it('draws every transition', () => {
    const text = workflowMarkdown();
    for (const id of TRANSITION_IDS) expect(text).toContain(`: ${id}`);
  });
});
