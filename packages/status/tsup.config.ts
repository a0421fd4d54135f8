import { packageBuild } from '@groundwork/tooling/tsup';

export default packageBuild(['src/index.ts']);
