// The token box above GraphiQL: a pasted bearer token, or outside production without an
// identity provider, a development token minted by the gateway for a role and organization.
import { useState } from 'react';
import { mintDevToken, type ExplorerSettings } from './gateway-api';

interface TokenBarProps {
  token: string;
  settings: ExplorerSettings | undefined;
  onToken(token: string): void;
}

function DevTokenMenu({ roles, onToken }: { roles: string[]; onToken(token: string): void }) {
  const [role, setRole] = useState(roles[0] ?? 'ADMIN');
  const [organizationId, setOrganizationId] = useState('');
  const [problem, setProblem] = useState('');
  async function mint() {
    setProblem('');
    try {
      onToken(await mintDevToken(role, organizationId.trim()));
    } catch (error) {
      setProblem((error as Error).message);
    }
  }
  return (
    <details className="explorer-dev-token">
      <summary>开发令牌</summary>
      <label>
        角色
        <select name="role" value={role} onChange={(e) => setRole(e.target.value)}>
          {roles.map((r) => (
            <option key={r}>{r}</option>
          ))}
        </select>
      </label>
      <label>
        组织 ID
        <input
          name="organizationId"
          value={organizationId}
          placeholder="可选"
          onChange={(e) => setOrganizationId(e.target.value)}
        />
      </label>
      <button type="button" className="explorer-button" onClick={() => void mint()}>
        生成令牌
      </button>
      {problem && <span className="explorer-problem">{problem}</span>}
    </details>
  );
}

export function TokenBar({ token, settings, onToken }: TokenBarProps) {
  return (
    <header className="explorer-bar">
      <strong>基层党建 GraphQL</strong>
      <label>
        令牌 (Bearer)
        <input
          name="token"
          type="password"
          value={token}
          placeholder="粘贴访问令牌"
          autoComplete="off"
          onChange={(e) => onToken(e.target.value.trim())}
        />
      </label>
      {settings?.devTokens && <DevTokenMenu roles={settings.roles} onToken={onToken} />}
    </header>
  );
}
