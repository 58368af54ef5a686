import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { z } from 'zod';
import { useLogin, useMe } from '../api/auth.ts';
import { AlertIcon, LogoIcon } from '../components/icons.tsx';
import { useErrorMessage } from '../components/useErrorMessage.ts';
import { LanguageSwitch } from '../layout/LanguageSwitch.tsx';
import '../styles/login.css';

const ReturnState = z.object({ from: z.string().startsWith('/') });

function returnPath(state: unknown): string {
  const parsed = ReturnState.safeParse(state);
  return parsed.success && parsed.data.from !== '/login' ? parsed.data.from : '/workflows';
}

export function LoginPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const me = useMe();
  const login = useLogin();
  const errorMessage = useErrorMessage();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    login.mutate({ email: email.trim(), password });
  };

  // Signing in stores who the user is; someone already signed in never sees this form either.
  if (me.data) return <Navigate to={returnPath(location.state)} replace />;

  return (
    <main className="login">
      <div className="login__panel">
        <div className="login__brand">
          <span className="brand-mark" aria-hidden="true">
            <LogoIcon />
          </span>
          <span className="login__name">{t('app.name')}</span>
          <p className="login__tagline">{t('app.tagline')}</p>
        </div>
        <form className="card login__card" onSubmit={onSubmit} noValidate aria-labelledby="login-title">
          <div className="page__titles">
            <h1 id="login-title">{t('login.title')}</h1>
            <p className="muted">{t('login.subtitle')}</p>
          </div>
          {login.isError ? (
            <div className="alert alert--error" role="alert">
              <AlertIcon size={18} />
              <div className="alert__body">{errorMessage(login.error)}</div>
            </div>
          ) : null}
          <div className="field">
            <label className="field__label" htmlFor="login-email">
              {t('login.email')}
            </label>
            <input
              id="login-email"
              className="input"
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(event) => setEmail(event.target.value)}
              aria-invalid={login.isError || undefined}
            />
          </div>
          <div className="field">
            <label className="field__label" htmlFor="login-password">
              {t('login.password')}
            </label>
            <input
              id="login-password"
              className="input"
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(event) => setPassword(event.target.value)}
              aria-invalid={login.isError || undefined}
            />
          </div>
          <button
            type="submit"
            className="btn btn--primary btn--block"
            disabled={login.isPending || !email.trim() || !password}
          >
            {login.isPending ? t('login.submitting') : t('login.submit')}
          </button>
        </form>
        <div className="login__language">
          <LanguageSwitch />
        </div>
      </div>
    </main>
  );
}
