// 示例查询: the saved analyst queries (../cookbook.ts). A click puts one into the active tab,
// its organization's id looked up by name first, so the analyst only presses run.
import { useGraphiQL, type GraphiQLPlugin } from '@graphiql/react';
import { useState } from 'react';
import { COOKBOOK, ORGANIZATION_BY_NAME, type CookbookEntry } from '../cookbook';
import { organizationIdByName } from './gateway-api';
import { storedToken } from './token-store';

function CookbookPanel() {
  const queryEditor = useGraphiQL((s) => s.queryEditor);
  const variableEditor = useGraphiQL((s) => s.variableEditor);
  const [problem, setProblem] = useState('');

  async function open(entry: CookbookEntry) {
    setProblem('');
    const variables = { ...entry.variables };
    if (entry.organizationName) {
      const id = await organizationIdByName(
        storedToken(),
        ORGANIZATION_BY_NAME,
        entry.organizationName,
      ).catch(() => undefined);
      if (!id) setProblem(`未找到名称含「${entry.organizationName}」的组织：请填写 $id`);
      Object.assign(variables, { id: id ?? '' });
    }
    queryEditor?.setValue(entry.query);
    variableEditor?.setValue(JSON.stringify(variables, null, 2));
  }

  return (
    <div className="explorer-panel">
      <div className="graphiql-doc-explorer-title">示例查询</div>
      {problem && <p className="explorer-problem">{problem}</p>}
      <ul className="explorer-cookbook">
        {COOKBOOK.map((entry) => (
          <li key={entry.name}>
            <button type="button" onClick={() => void open(entry)}>
              {entry.name}
            </button>
            <p>{entry.description}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}

export const COOKBOOK_PLUGIN: GraphiQLPlugin = {
  title: '示例查询',
  icon: () => <span className="explorer-icon">例</span>,
  content: CookbookPanel,
};
