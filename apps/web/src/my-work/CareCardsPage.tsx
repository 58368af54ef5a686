import { todayIn } from '@crmflow/flow';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../api/auth.ts';
import { useCareCards } from '../api/my-work.ts';
import { EmptyState, ErrorState, LoadingState } from '../components/States.tsx';
import { useErrorMessage } from '../components/useErrorMessage.ts';
import { formatDate } from '../records/format.ts';
import '../styles/my-work.css';
import { type CarePeriod, careCardQuery, carePeriods } from './care-card-filter.ts';
import { CareCardIcon } from './my-work-icons.tsx';

/** Thẻ chăm sóc: the care cards workflows made, by care date; due today first. */
export function CareCardsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const errorMessage = useErrorMessage();
  const [period, setPeriod] = useState<CarePeriod>('today');
  const [mine, setMine] = useState(true);
  const seesEveryone = me.data?.user.role === 'admin' || me.data?.user.role === 'manager';
  const today = todayIn(me.data?.organization.timeZone ?? 'Asia/Ho_Chi_Minh', new Date());
  const cards = useCareCards(careCardQuery({ period, mine: mine || !seesEveryone, today }));

  return (
    <div className="page page--narrow my-work">
      <header className="page__header">
        <div className="page__titles">
          <h1>{t('careCards.title')}</h1>
          <p className="page__subtitle">{t('careCards.subtitle')}</p>
        </div>
      </header>
      <div className="my-work__filters">
        <fieldset className="chips">
          <legend className="visually-hidden">{t('careCards.period.label')}</legend>
          {carePeriods.map((value) => (
            <label key={value} className="chip">
              <input
                type="radio"
                name="care-period"
                value={value}
                checked={period === value}
                onChange={() => setPeriod(value)}
              />
              {t(`careCards.period.${value}`)}
            </label>
          ))}
        </fieldset>
        {seesEveryone ? (
          <fieldset className="chips">
            <legend className="visually-hidden">{t('careCards.whose.label')}</legend>
            {(['mine', 'everyone'] as const).map((value) => (
              <label key={value} className="chip">
                <input
                  type="radio"
                  name="care-whose"
                  value={value}
                  checked={mine === (value === 'mine')}
                  onChange={() => setMine(value === 'mine')}
                />
                {t(`careCards.whose.${value}`)}
              </label>
            ))}
          </fieldset>
        ) : null}
      </div>
      {cards.isPending ? (
        <LoadingState />
      ) : cards.isError ? (
        <ErrorState message={errorMessage(cards.error)} onRetry={() => void cards.refetch()} />
      ) : cards.data.items.length === 0 ? (
        <EmptyState
          icon={<CareCardIcon size={24} />}
          title={t('careCards.empty')}
          body={t('careCards.emptyBody')}
        />
      ) : (
        <ul className="my-work__list">
          {cards.data.items.map((card) => (
            <li key={card.id} className="card my-work__item" data-testid="care-card">
              <div className="my-work__body">
                <Link to={`/records/order/${card.orderId}`} className="my-work__title">
                  {card.productName ?? t('careCards.order', { code: card.orderCode ?? '' })}
                </Link>
                {card.productName ? (
                  <span className="my-work__meta">
                    {t('careCards.order', { code: card.orderCode ?? '' })}
                  </span>
                ) : null}
                {card.category ? (
                  <span className="my-work__meta">
                    {t('careCards.category', { category: card.category })}
                  </span>
                ) : null}
                <span
                  className={
                    card.careDate && card.careDate < today ? 'my-work__meta is-late' : 'my-work__meta'
                  }
                >
                  {card.careDate
                    ? t('careCards.careDate', { date: formatDate(card.careDate) })
                    : t('careCards.noDate')}
                </span>
                <span className="my-work__meta">
                  {card.ownerName ? t('careCards.owner', { name: card.ownerName }) : t('careCards.noOwner')}
                </span>
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
