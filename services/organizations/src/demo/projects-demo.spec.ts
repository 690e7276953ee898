import { demoNodes } from './demo-tree';
import { creditCodeProblem } from '../firm/credit-code';
import { demoFirms } from './firms-demo';
import { demoProjects } from './projects-demo';

describe('demo firms and projects', () => {
  const nodes = demoNodes();
  const now = new Date('2023-06-30T00:00:00Z');

  it('has the 24 firms of the credit bonus, with valid, distinct codes and their own branches', () => {
    const firms = demoFirms(nodes, now);
    expect(firms).toHaveLength(24);
    expect(firms.every((f) => creditCodeProblem(f.creditCode) === null)).toBe(true);
    expect(new Set(firms.map((f) => f.creditCode)).size).toBe(24);
    const branches = new Set(nodes.map((n) => String(n._id)));
    expect(firms.every((f) => branches.has(String(f.organizationId)))).toBe(true);
  });

  it('puts every firm on one of the four projects and every project branch behind a firm', () => {
    const projects = demoProjects(nodes, now);
    expect(projects.map((p) => p.name)).toEqual(['雄安高铁站', '东西轴线', '容东片区', '启动区']);
    expect(new Set(projects.flatMap((p) => p.firmIds.map(String))).size).toBe(24);
    const temporaryBranches = nodes.filter((n) => n.kind === 'TEMPORARY_BRANCH');
    expect(projects.flatMap((p) => p.branchLinks)).toHaveLength(temporaryBranches.length);
    expect(temporaryBranches.length).toBeGreaterThanOrEqual(140);
    for (const project of projects) {
      const firms = new Set(project.firmIds.map(String));
      expect(project.branchLinks.every((l) => firms.has(String(l.firmId)))).toBe(true);
      expect(project.outbox).toHaveLength(1);
    }
  });

  it('derives the same ids on every run', () => {
    expect(demoProjects(demoNodes(), now).map((p) => String(p._id))).toEqual(
      demoProjects(nodes, now).map((p) => String(p._id)),
    );
  });
});
