import { serviceBuild } from '@groundwork/tooling/tsup';

export default serviceBuild();
