import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/project-root';
import { loadSeed } from '../../src/seed/load-seed';
import { startApi, type RunningApi } from '../helpers/api';
import { SEED_DIR } from '../helpers/seed-fixture';

/** The ```graphql blocks of the README that start with "# Example: <name>". */
function readmeExamples(): Map<string, string> {
  const readme = fs.readFileSync(path.join(PROJECT_ROOT, 'README.md'), 'utf8');
  const examples = new Map<string, string>();
  for (const match of readme.matchAll(/```graphql\n# Example: ([\w-]+)\n([\s\S]*?)```/g)) examples.set(match[1]!, match[2]!);
  return examples;
}

type Json = any;

const expectations: Record<string, (data: Json) => void> = {
  'partners-attendance': (data) => {
    const rows = data.partnersAttendance;
    expect(rows.map((r: Json) => r.partner.name)).toEqual(['Huawei', 'Weidong Cloud Education Group']);
    for (const row of rows) {
      expect(row.partnership.kind).toBe('global strategic partner');
      expect(row.attendances).toHaveLength(1);
      expect(row.attendances[0]).toMatchObject({ role: 'partner delegation', validFrom: '2019-03-04', validTo: '2019-03-08', to: { name: '2019 Mobile Learning Week' } });
      expect(row.attendances[0].evidence[0].document.published).toBe('2019-03-08');
    }
  },
  'event-organizers-and-speakers': (data) => {
    const event = data.entity;
    expect(event.organizers.map((o: Json) => o.from.name).sort()).toEqual(['International Telecommunication Union', 'ProFuturo Foundation', 'Skillogs', 'UNESCO']);
    expect(event.speakers).toEqual([
      expect.objectContaining({ format: 'speech', topic: 'higher education innovation in the context of AI', from: { name: 'International Centre for Higher Education Innovation' } }),
    ]);
    expect(event.series.name).toBe('Mobile Learning Week');
    expect(event.heldIn.map((p: Json) => p.name)).toEqual(['UNESCO Headquarters']);
    expect(event.precededBy[0].name).toMatch(/Principles for AI/);
    const lab = event.subEvents.find((e: Json) => e.category === 'strategic_lab');
    expect(lab.participants.map((p: Json) => p.from.name).sort()).toEqual(['Harvard University', 'LI Ming', 'Microsoft']);
    expect(event.themes.filter((t: Json) => t.role === 'sub-theme').map((t: Json) => t.order)).toEqual([1, 2, 3, 4]);
  },
  'connection-path': (data) => {
    const [first] = data.connections;
    expect(first.length).toBe(4);
    expect(first.hops[0].from.name).toBe('Huawei');
    expect(first.hops[3].to.name).toBe('World Bank');
    for (const hop of first.hops) expect(hop.relationship.evidence.length).toBeGreaterThan(0);
  },
  initiative: (data) => {
    const initiative = data.entity;
    expect(initiative.initiators.map((i: Json) => i.from.name).sort()).toEqual(['UNESCO', 'World Bank']);
    expect(initiative.signatories).toEqual([]);
    expect(initiative.goals.map((g: Json) => g.to.name)).toContain('Technology inclusive');
    expect(initiative.figures).toEqual(expect.arrayContaining([expect.objectContaining({ value: 89, unit: 'countries', status: 'reported' })]));
  },
  search: (data) => {
    expect(data.search[0].entity.id).toBe('org:unesco');
  },
  'co-participation': (data) => {
    expect(data.coParticipants.map((c: Json) => c.actor.name)).toEqual(
      expect.arrayContaining(['Huawei', 'Weidong Cloud Education Group', 'LI Ming', 'Microsoft', 'Harvard University']),
    );
    expect(data.coParticipants.every((c: Json) => c.sharedEventCount === 1)).toBe(true);
  },
  neighbourhood: (data) => {
    const n = data.neighbourhood;
    const ids = new Set(n.nodes.map((node: Json) => node.id));
    expect(ids.has('org:huawei')).toBe(true);
    expect(n.nodes.find((node: Json) => node.id === 'org:ichei').distance).toBe(0);
    for (const edge of n.edges) {
      expect(ids.has(edge.source)).toBe(true);
      expect(ids.has(edge.target)).toBe(true);
    }
  },
  'timeline-and-as-of': (data) => {
    expect(data.timeline.map((t: Json) => t.relationship.type).sort()).toEqual(['PARTICIPATED_IN', 'SPOKE_AT']);
    expect(data.entity.relationships).toEqual([{ to: { name: '2019 Mobile Learning Week' }, validFrom: '2019-03-04', validTo: '2019-03-08' }]);
  },
  'lists-and-statistics': (data) => {
    expect(data.entities.edges).toHaveLength(5);
    expect(data.entities.pageInfo.hasNextPage).toBe(true);
    expect(data.inFrance.edges.map((e: Json) => e.node.name)).toEqual(expect.arrayContaining(['Paris', 'UNESCO Headquarters', '2019 Mobile Learning Week']));
    expect(data.statistics.nodes).toBeGreaterThan(90);
  },
};

let api: RunningApi;
beforeAll(async () => {
  api = await startApi();
  await loadSeed(api.db, SEED_DIR);
});
afterAll(() => api.stop());

describe('the README examples', () => {
  const examples = readmeExamples();

  it('are all checked here', () => {
    expect([...examples.keys()].sort()).toEqual(Object.keys(expectations).sort());
  });

  it.each([...examples.entries()])('%s runs and answers as documented', async (name, query) => {
    const { status, body } = await api.graphql(query);
    expect(body.errors).toBeUndefined();
    expect(status).toBe(200);
    expectations[name]!(body.data);
  });
});
