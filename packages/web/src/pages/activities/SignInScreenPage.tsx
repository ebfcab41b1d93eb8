// Placeholder until the page is built (issue 3).
import { PageCard } from '../../components/PageCard';

export default function SignInScreenPage() {
  return <PageCard title="建设中">本页正在建设中。</PageCard>;
}
