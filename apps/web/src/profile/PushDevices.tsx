import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useInvalidateDevices, usePushDevices, useRemoveDevice } from '../api/push.ts';
import { BellIcon } from '../components/icons.tsx';
import { ErrorState, LoadingState } from '../components/States.tsx';
import { useErrorMessage } from '../components/useErrorMessage.ts';
import {
  currentEndpoint,
  enablePushHere,
  type PushSupport,
  pushSupport,
  unsubscribeHere,
} from '../pwa/push-subscription.ts';
import { formatDateTime } from '../records/format.ts';

/** Push on this device: turn it on, see every device that receives the user's notifications, remove one. */
export function PushDevices({ timeZone }: { timeZone: string }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const devices = usePushDevices();
  const remove = useRemoveDevice();
  const refreshDevices = useInvalidateDevices();
  const [support, setSupport] = useState<PushSupport>(() => pushSupport());
  const [here, setHere] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    void currentEndpoint().then(setHere);
  }, []);

  const enable = async () => {
    setBusy(true);
    setProblem(null);
    try {
      if (await enablePushHere()) {
        setHere(await currentEndpoint());
        await refreshDevices();
      } else setProblem(t('push.refused'));
    } catch (error) {
      setProblem(errorMessage(error));
    } finally {
      setSupport(pushSupport());
      setBusy(false);
    }
  };

  const removeDevice = (id: string, endpoint: string) =>
    remove.mutate(id, {
      onSuccess: async () => {
        if (endpoint === here) {
          await unsubscribeHere();
          setHere(null);
        }
      },
    });

  const enabledHere = Boolean(here && devices.data?.items.some((d) => d.endpoint === here));
  return (
    <section className="card profile__section" aria-labelledby="push-title">
      <h2 id="push-title">{t('push.title')}</h2>
      <p className="muted">{t('push.body')}</p>
      {support === 'unsupported' ? (
        <p className="alert alert--warning">{t('push.unsupported')}</p>
      ) : support === 'denied' ? (
        <p className="alert alert--warning">{t('push.denied')}</p>
      ) : enabledHere ? (
        <p className="profile__ok" role="status">
          <BellIcon size={16} /> {t('push.enabledHere')}
        </p>
      ) : (
        <button
          type="button"
          className="btn btn--primary profile__enable"
          disabled={busy}
          onClick={() => void enable()}
        >
          <BellIcon size={16} />
          {busy ? t('push.enabling') : t('push.enable')}
        </button>
      )}
      {problem ? <ErrorState message={problem} /> : null}
      <h3 className="profile__subtitle">{t('push.devices')}</h3>
      {devices.isPending ? (
        <LoadingState />
      ) : devices.isError ? (
        <ErrorState message={errorMessage(devices.error)} onRetry={() => void devices.refetch()} />
      ) : devices.data.items.length === 0 ? (
        <p className="muted">{t('push.noDevices')}</p>
      ) : (
        <ul className="profile__devices">
          {devices.data.items.map((device) => {
            const name = device.label || t('push.unnamed');
            return (
              <li key={device.id} className="profile__device" data-testid="push-device">
                <div className="profile__device-body">
                  <strong>
                    {name}
                    {device.endpoint === here ? (
                      <span className="badge badge--accent profile__here">{t('push.thisDevice')}</span>
                    ) : null}
                  </strong>
                  <span className="muted">
                    {device.lastPushedAt
                      ? t('push.lastPushed', { date: formatDateTime(device.lastPushedAt, timeZone) })
                      : t('push.added', { date: formatDateTime(device.createdAt, timeZone) })}
                  </span>
                </div>
                <button
                  type="button"
                  className="btn btn--sm"
                  aria-label={t('push.removeLabel', { name })}
                  disabled={remove.isPending}
                  onClick={() => removeDevice(device.id, device.endpoint)}
                >
                  {t('push.remove')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
