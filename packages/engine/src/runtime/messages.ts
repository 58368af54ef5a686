import type { Text } from '@crmflow/flow';

/** A sentence in both of the product's languages; stored or shown in the reader's. */
export type Bilingual = Text;

export { inLocale } from '@crmflow/flow';

/** Why the runtime refused or stopped something, in words for the run history. */
export const runtimeText = {
  loopDepth: (depth: number, max: number): Bilingual => ({
    vi: `Bỏ qua để tránh vòng lặp: thay đổi này do quy trình gây ra ở độ sâu ${depth}, vượt giới hạn ${max}.`,
    en: `Dropped to prevent a loop: this change was made by a workflow at depth ${depth}, past the limit of ${max}.`,
  }),
  loopChain: (): Bilingual => ({
    vi: 'Bỏ qua để tránh vòng lặp: quy trình này đã chạy cho bản ghi này trong cùng chuỗi thay đổi.',
    en: 'Dropped to prevent a loop: this workflow already ran for this record in the same chain of changes.',
  }),
  nodeMissing: (nodeId: string): Bilingual => ({
    vi: `Không tìm thấy bước ${nodeId} trong phiên bản quy trình.`,
    en: `Step ${nodeId} is not in the workflow version.`,
  }),
  configInvalid: (detail: string): Bilingual => ({
    vi: `Cấu hình của bước không hợp lệ: ${detail}`,
    en: `The step's configuration is invalid: ${detail}`,
  }),
  unexpected: (detail: string): Bilingual => ({
    vi: `Lỗi không mong đợi: ${detail}. Hệ thống tự thử lại; nếu vẫn lỗi, bấm "Thử lại" sau ít phút.`,
    en: `Unexpected error: ${detail}. It is tried again automatically; if it keeps failing, press "Retry" in a few minutes.`,
  }),
  workerLost: (): Bilingual => ({
    vi: 'Bước không hoàn thành sau mọi lần thử (tiến trình xử lý dừng giữa chừng). Bấm "Thử lại" để chạy lại bước.',
    en: 'The step did not finish after every attempt (its worker stopped midway). Press "Retry" to run it again.',
  }),
  conditionNoLongerMet: (nodeId: string): Bilingual => ({
    vi: `Hết thời gian chờ, bản ghi không còn thỏa mãn điều kiện ${nodeId}: bỏ qua các bước sau.`,
    en: `After the wait the record no longer meets condition ${nodeId}: the remaining steps are skipped.`,
  }),
  recordGone: (): Bilingual => ({
    vi: 'Bản ghi đã bị xóa trong lúc chờ: bỏ qua các bước sau.',
    en: 'The record was deleted during the wait: the remaining steps are skipped.',
  }),
} as const;
