// 下载 CSV: the active tab's query posted to the gateway's POST /export.csv with a list of its
// result (the lists the last answer holds, or a path typed by hand), downloaded as a file.
import { useGraphiQL, type GraphiQLPlugin } from '@graphiql/react';
import { useState } from 'react';
import { listPathsOf } from '../result-lists';
import { downloadCsv } from './gateway-api';
import { storedToken } from './token-store';

function parseJson(text: string | undefined): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}

function CsvPanel() {
  const queryEditor = useGraphiQL((s) => s.queryEditor);
  const variableEditor = useGraphiQL((s) => s.variableEditor);
  const responseEditor = useGraphiQL((s) => s.responseEditor);
  const [list, setList] = useState('');
  const [status, setStatus] = useState('');
  const result = parseJson(responseEditor?.getValue()) as { data?: unknown } | undefined;
  const lists = listPathsOf(result?.data);

  async function download() {
    setStatus('正在导出…');
    try {
      await downloadCsv(storedToken(), {
        query: queryEditor?.getValue() ?? '',
        variables: parseJson(variableEditor?.getValue()) ?? {},
        list: list || lists[0] || '',
      });
      setStatus('已下载');
    } catch (error) {
      setStatus(`导出失败：${(error as Error).message}`);
    }
  }

  return (
    <div className="explorer-panel">
      <div className="graphiql-doc-explorer-title">下载 CSV</div>
      <p>先运行查询，再选择要导出的列表（连接会自动翻页到底）。</p>
      <label>
        列表
        <input
          list="explorer-result-lists"
          value={list}
          placeholder={lists[0] ?? 'organizations'}
          onChange={(e) => setList(e.target.value)}
        />
      </label>
      <datalist id="explorer-result-lists">
        {lists.map((path) => (
          <option key={path} value={path} />
        ))}
      </datalist>
      <button type="button" className="explorer-button" onClick={() => void download()}>
        下载 CSV
      </button>
      {status && <p role="status">{status}</p>}
    </div>
  );
}

export const CSV_PLUGIN: GraphiQLPlugin = {
  title: '下载 CSV',
  icon: () => <span className="explorer-icon">CSV</span>,
  content: CsvPanel,
};
