import { Component, type ErrorInfo, type ReactNode } from 'react';

interface State {
  error: Error | null;
}

/** Catches render errors of a screen and shows a designed error state instead of a blank page. */
export class ErrorBoundary extends Component<{ children: ReactNode; resetKey?: string }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('Screen failed to render', error, info.componentStack);
  }

  override componentDidUpdate(previous: { resetKey?: string }): void {
    if (previous.resetKey !== this.props.resetKey && this.state.error !== null) this.setState({ error: null });
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (error === null) return this.props.children;
    return (
      <div className="error-state" role="alert">
        <div className="card error-card">
          <div className="error-icon" aria-hidden="true">
            !
          </div>
          <h2>Something went wrong on this screen</h2>
          <p className="muted">
            Your data is safe: it is stored on this desk. Try again, or go back to Today. If it keeps happening, tell your
            administrator what you were doing and include the details below.
          </p>
          <pre className="error-details">{error.message}</pre>
          <div className="row">
            <button type="button" className="btn btn-primary" onClick={() => this.setState({ error: null })}>
              Try again
            </button>
            <a className="btn" href="#/today" onClick={() => this.setState({ error: null })}>
              Go to Today
            </a>
            <button type="button" className="btn btn-ghost" onClick={() => window.location.reload()}>
              Reload the app
            </button>
          </div>
        </div>
      </div>
    );
  }
}
