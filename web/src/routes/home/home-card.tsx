import type { ReactNode } from 'react';
import { Link } from 'react-router';

export function HomeCard({ to, title, children }: { to: string; title: string; children: ReactNode }) {
  return (
    <Link to={to} className="home-card">
      <span className="home-card__title">{title}</span>
      <span className="home-card__body">{children}</span>
    </Link>
  );
}
