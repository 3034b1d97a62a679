/**
 * A response whose body has fully arrived (as text, `""` when none): read whole within the attempt, whose timeout covers it. What a
 * transport resolves to, and what the errors are made from: in a module of its own, so that errors.ts and send.ts need not import
 * each other.
 */
export interface ReceivedResponse {
  status: number;
  statusText: string;
  headers: Headers;
  body: string;
  url: string;
}
