import { packageBuild } from '@groundwork/tooling/tsup';

export default packageBuild(['src/index.ts', 'src/sqlite.ts', 'src/cosmos.ts', 'src/memory.ts']);
