/** One per view: a failure is contained and said in words, with a way back. */
import { Component, type ReactNode } from 'react';

interface Props {
  message: string;
  action: string;
  children: ReactNode;
  /** Changing it resets the boundary (e.g. a new view). */
  resetKey?: string;
}

export class ErrorBoundary extends Component<Props, { error: Error | null; key: string | undefined }> {
  override state: { error: Error | null; key: string | undefined } = { error: null, key: this.props.resetKey };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  static getDerivedStateFromProps(props: Props, state: { error: Error | null; key: string | undefined }) {
    return props.resetKey !== state.key ? { error: null, key: props.resetKey } : null;
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <section className="notice notice-error" role="alert">
        <p>{this.props.message}</p>
        <pre className="error-detail">{String(this.state.error.message)}</pre>
        <button type="button" onClick={() => this.setState({ error: null })}>
          {this.props.action}
        </button>
      </section>
    );
  }
}
