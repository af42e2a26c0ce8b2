import type { ReactNode } from 'react';
import { IconChart } from '../../components/icons';
import './auth.css';

/** The centred card of the sign-in pages: the product's mark and name, a title, the form. */
export function AuthCard({
  title,
  subtitle,
  children,
}: {
  title: string;
  subtitle?: string;
  children: ReactNode;
}) {
  return (
    <main className="auth-page" id="main">
      <section className="auth-card" aria-labelledby="auth-title">
        <div className="auth-brand">
          <span className="brand-mark" aria-hidden="true">
            <IconChart />
          </span>
          <span className="auth-product">reorg</span>
        </div>
        <h1 id="auth-title">{title}</h1>
        {subtitle && <p className="auth-sub">{subtitle}</p>}
        {children}
      </section>
      <p className="auth-foot">Org design workspace · your data stays on this server</p>
    </main>
  );
}
