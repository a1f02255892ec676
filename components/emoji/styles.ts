/**
 * The picker's CSS as text, for hosts that cannot import CSS files: the content script adopts
 * it into its shadow root's stylesheet; extension pages add it once with injectEmojiPickerCss.
 */
import pickerCss from './emoji-picker.css?inline';

export const emojiPickerCss: string = pickerCss;

const STYLE_ID = 'rb-picker-styles';

/** Adds the picker's styles to `doc`'s head unless they are already there. */
export function injectEmojiPickerCss(doc: Document = document): void {
  if (doc.getElementById(STYLE_ID)) return;
  const style = doc.createElement('style');
  style.id = STYLE_ID;
  style.textContent = emojiPickerCss;
  doc.head.append(style);
}
