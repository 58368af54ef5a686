import { useTranslation } from 'react-i18next';
import { PlusIcon, TrashIcon } from '../../components/icons.tsx';
import { lineAmount, linesTotal, type OrderLine } from '../form-values.ts';
import { formatMoney, toNumber } from '../format.ts';
import { MoneyInput } from './MoneyInput.tsx';
import { NumberInput } from './NumberInput.tsx';
import { ReferenceSelect } from './ReferenceSelect.tsx';

export interface LinesEditorProps {
  id: string;
  lines: OrderLine[];
  onChange: (lines: OrderLine[]) => void;
  /** Titles of the products already on the order, keyed by product id. */
  productTitles: Map<string, string>;
  productPlaceholder: string;
  describedBy?: string;
}

const blankLine: OrderLine = { product_id: null, quantity: 1, price: null };

/** An order's lines: product, quantity and unit price per row, with the amounts and the total computed. */
export function LinesEditor({
  id,
  lines,
  onChange,
  productTitles,
  productPlaceholder,
  describedBy,
}: LinesEditorProps) {
  const { t } = useTranslation();
  const update = (index: number, change: Partial<OrderLine>) =>
    onChange(lines.map((line, i) => (i === index ? { ...line, ...change } : line)));
  const label = (n: number, field: string) => t('lines.rowLabel', { n, field });

  return (
    <div id={id} aria-describedby={describedBy}>
      <table className="lines-table">
        <thead>
          <tr>
            <th scope="col" className="lines-table__product">
              {t('lines.product')}
            </th>
            <th scope="col" className="lines-table__qty num">
              {t('lines.quantity')}
            </th>
            <th scope="col" className="lines-table__price num">
              {t('lines.price')}
            </th>
            <th scope="col" className="num">
              {t('lines.amount')}
            </th>
            <th scope="col">
              <span className="visually-hidden">{t('users.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line, index) => {
            const n = index + 1;
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: order lines have no identity of their own
              <tr key={index} data-testid="order-line">
                <td>
                  <ReferenceSelect
                    ariaLabel={label(n, t('lines.product'))}
                    refModule="product"
                    placeholder={productPlaceholder}
                    value={line.product_id}
                    knownTitle={line.product_id ? productTitles.get(line.product_id) : null}
                    onChange={(productId, product) =>
                      update(index, {
                        product_id: productId,
                        price: line.price ?? (product ? toNumber(product.data.price) : null),
                      })
                    }
                  />
                </td>
                <td>
                  <NumberInput
                    aria-label={label(n, t('lines.quantity'))}
                    min={0}
                    value={line.quantity}
                    onValueChange={(quantity) => update(index, { quantity })}
                  />
                </td>
                <td>
                  <MoneyInput
                    aria-label={label(n, t('lines.price'))}
                    value={line.price}
                    onValueChange={(price) => update(index, { price })}
                  />
                </td>
                <td className="num">{formatMoney(lineAmount(line))}</td>
                <td>
                  <button
                    type="button"
                    className="btn btn--ghost btn--icon"
                    aria-label={t('lines.remove', { n })}
                    onClick={() => onChange(lines.filter((_, i) => i !== index))}
                  >
                    <TrashIcon />
                  </button>
                </td>
              </tr>
            );
          })}
          {lines.length === 0 ? (
            <tr>
              <td colSpan={5} className="muted">
                {t('lines.empty')}
              </td>
            </tr>
          ) : null}
        </tbody>
        <tfoot>
          <tr>
            <td colSpan={3} className="num">
              {t('lines.total')}
            </td>
            <td className="num" data-testid="lines-total">
              {formatMoney(linesTotal(lines))}
            </td>
            <td />
          </tr>
        </tfoot>
      </table>
      <div className="lines-editor__footer">
        <button type="button" className="btn btn--sm" onClick={() => onChange([...lines, blankLine])}>
          <PlusIcon />
          {t('lines.add')}
        </button>
      </div>
    </div>
  );
}
