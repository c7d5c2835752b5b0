import { useState, type FormEvent } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import { PageTitle } from "../components/Layout";
import { describeError } from "../components/messages";
import { ApiError } from "../api/ApiError";
import { useServices } from "../services";

/** Where to go after signing in: a path of this app only, never another site. */
function useNext(): string {
  const [params] = useSearchParams();
  const next = params.get("next") ?? "/";
  return next.startsWith("/") && !next.startsWith("//") ? next : "/";
}

export function SignInPage() {
  const { session } = useServices();
  const navigate = useNavigate();
  const next = useNext();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await session.login(email, password);
      navigate(next);
    } catch (e) {
      setError(e instanceof ApiError && e.status === 401 ? "The email or password is not right." : describeError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageTitle>Sign in</PageTitle>
      <form className="stack narrow" onSubmit={(e) => void submit(e)}>
        <div className="field">
          <label htmlFor="email">Email</label>
          <input id="email" type="email" autoComplete="email" required value={email}
            onChange={(e) => setEmail(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="password">Password</label>
          <input id="password" type="password" autoComplete="current-password" required value={password}
            onChange={(e) => setPassword(e.target.value)} />
        </div>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy}>
          Sign in
        </button>
        <p>
          New here? <Link to={`/register?next=${encodeURIComponent(next)}`}>Create an account</Link>
        </p>
      </form>
    </>
  );
}

export function RegisterPage() {
  const { session } = useServices();
  const navigate = useNavigate();
  const next = useNext();
  const [displayName, setDisplayName] = useState("");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await session.register(email, password, displayName);
      navigate(next);
    } catch (e) {
      setError(
        e instanceof ApiError && e.status === 409
          ? "An account with this email exists already. Sign in instead."
          : describeError(e),
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageTitle>Create an account</PageTitle>
      <form className="stack narrow" onSubmit={(e) => void submit(e)}>
        <div className="field">
          <label htmlFor="displayName">Name</label>
          <input id="displayName" autoComplete="name" required maxLength={100} value={displayName}
            onChange={(e) => setDisplayName(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="email">Email</label>
          <input id="email" type="email" autoComplete="email" required value={email}
            onChange={(e) => setEmail(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="password">Password</label>
          <input id="password" type="password" autoComplete="new-password" required minLength={12}
            aria-describedby="password-hint" value={password} onChange={(e) => setPassword(e.target.value)} />
          <small id="password-hint">At least 12 characters.</small>
        </div>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy}>
          Create account
        </button>
      </form>
    </>
  );
}
