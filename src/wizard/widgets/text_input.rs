//! A one-line text field: cursor, word jumps, paste; Unicode-safe (cursor by char, width by
//! unicode-width so wide characters take two columns).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use unicode_width::UnicodeWidthChar;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextInput {
    chars: Vec<char>,
    /// Cursor position in chars, 0..=len.
    cursor: usize,
}

impl TextInput {
    pub fn new(value: &str) -> TextInput {
        let chars: Vec<char> = value.chars().collect();
        let cursor = chars.len();
        TextInput { chars, cursor }
    }

    pub fn value(&self) -> String {
        self.chars.iter().collect()
    }

    pub fn is_empty(&self) -> bool {
        self.chars.is_empty()
    }

    pub fn cursor(&self) -> usize {
        self.cursor
    }

    pub fn set(&mut self, value: &str) {
        *self = TextInput::new(value);
    }

    pub fn insert(&mut self, c: char) {
        if c.is_control() {
            return;
        }
        self.chars.insert(self.cursor, c);
        self.cursor += 1;
    }

    /// Pasted text: line breaks and tabs become spaces, other control characters are dropped.
    pub fn paste(&mut self, text: &str) {
        // One splice, so a large paste stays linear.
        let add: Vec<char> = text
            .chars()
            .filter(|c| *c != '\r')
            .map(|c| if c == '\n' || c == '\t' { ' ' } else { c })
            .filter(|c| !c.is_control())
            .collect();
        let n = add.len();
        self.chars.splice(self.cursor..self.cursor, add);
        self.cursor += n;
    }

    pub fn backspace(&mut self) {
        if self.cursor > 0 {
            self.cursor -= 1;
            self.chars.remove(self.cursor);
        }
    }

    pub fn delete(&mut self) {
        if self.cursor < self.chars.len() {
            self.chars.remove(self.cursor);
        }
    }

    pub fn left(&mut self) {
        self.cursor = self.cursor.saturating_sub(1);
    }

    pub fn right(&mut self) {
        self.cursor = (self.cursor + 1).min(self.chars.len());
    }

    pub fn home(&mut self) {
        self.cursor = 0;
    }

    pub fn end(&mut self) {
        self.cursor = self.chars.len();
    }

    pub fn word_left(&mut self) {
        let mut i = self.cursor;
        while i > 0 && !self.chars[i - 1].is_alphanumeric() {
            i -= 1;
        }
        while i > 0 && self.chars[i - 1].is_alphanumeric() {
            i -= 1;
        }
        self.cursor = i;
    }

    pub fn word_right(&mut self) {
        let n = self.chars.len();
        let mut i = self.cursor;
        while i < n && !self.chars[i].is_alphanumeric() {
            i += 1;
        }
        while i < n && self.chars[i].is_alphanumeric() {
            i += 1;
        }
        self.cursor = i;
    }

    /// Handles an editing key; returns true when the value changed.
    pub fn handle_key(&mut self, key: ratatui::crossterm::event::KeyEvent) -> bool {
        use ratatui::crossterm::event::{KeyCode, KeyModifiers};
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        let before = self.chars.len();
        match key.code {
            KeyCode::Char(c) if !ctrl && !key.modifiers.contains(KeyModifiers::ALT) => {
                self.insert(c);
            }
            KeyCode::Backspace => {
                let old = self.clone();
                self.backspace();
                return *self != old;
            }
            KeyCode::Delete => {
                let old = self.clone();
                self.delete();
                return *self != old;
            }
            KeyCode::Left if ctrl => self.word_left(),
            KeyCode::Right if ctrl => self.word_right(),
            KeyCode::Left => self.left(),
            KeyCode::Right => self.right(),
            KeyCode::Home => self.home(),
            KeyCode::End => self.end(),
            _ => {}
        }
        self.chars.len() != before
    }

    /// First visible char so that the cursor fits in `width` columns.
    fn scroll(&self, width: usize) -> usize {
        if width == 0 {
            return self.cursor;
        }
        // Walk back from the cursor while the text before it still fits beside it.
        let mut start = self.cursor;
        let mut used = 0;
        while start > 0 {
            let w = self.chars[start - 1].width().unwrap_or(0);
            if used + w >= width {
                break;
            }
            used += w;
            start -= 1;
        }
        start
    }

    /// Puts the cursor where a click at column `col` of a `width`-column field lands.
    pub fn click(&mut self, col: u16, width: u16) {
        let mut i = self.scroll(width as usize);
        let mut x = 0;
        while i < self.chars.len() {
            let w = self.chars[i].width().unwrap_or(0);
            if x + w > col as usize {
                break;
            }
            x += w;
            i += 1;
        }
        self.cursor = i;
    }

    /// Draws the field into one line of `area`; returns the cursor's screen column.
    pub fn render(&self, area: Rect, buf: &mut Buffer, style: Style) -> u16 {
        if area.width == 0 || area.height == 0 {
            return area.x;
        }
        let width = area.width as usize;
        buf.set_style(Rect { height: 1, ..area }, style);
        let start = self.scroll(width);
        let mut x = 0usize;
        for c in &self.chars[start..] {
            let w = c.width().unwrap_or(0);
            if w == 0 {
                continue;
            }
            if x + w > width {
                break;
            }
            // set_string clears the cell a wide character covers.
            buf.set_string(area.x + x as u16, area.y, c.to_string(), style);
            x += w;
        }
        let cx: usize = self.chars[start..self.cursor]
            .iter()
            .map(|c| c.width().unwrap_or(0))
            .sum();
        area.x + (cx.min(width.saturating_sub(1))) as u16
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn editing_and_word_jumps() {
        let mut t = TextInput::new("Café Zoë");
        assert_eq!(t.cursor(), 8);
        t.word_left();
        assert_eq!(t.cursor(), 5);
        t.word_left();
        assert_eq!(t.cursor(), 0);
        t.word_right();
        assert_eq!(t.cursor(), 4);
        t.backspace();
        assert_eq!(t.value(), "Caf Zoë");
        t.insert('é');
        t.end();
        t.delete();
        t.paste(" en\nzo");
        assert_eq!(t.value(), "Café Zoë en zo");
        t.home();
        t.left();
        t.backspace();
        assert_eq!(t.cursor(), 0);
    }

    #[test]
    fn a_large_paste_is_fast_and_scrolls_to_the_cursor() {
        let mut t = TextInput::new("");
        t.paste(&"abcdé ".repeat(50_000));
        assert_eq!(t.cursor(), 300_000);
        let mut buf = Buffer::empty(Rect::new(0, 0, 10, 1));
        let x = t.render(Rect::new(0, 0, 10, 1), &mut buf, Style::default());
        assert_eq!(x, 9);
    }

    #[test]
    fn click_puts_the_cursor_under_the_mouse() {
        let mut t = TextInput::new("日本 shop");
        t.click(0, 20);
        assert_eq!(t.cursor(), 0);
        t.click(3, 20); // second half of 本
        assert_eq!(t.cursor(), 1);
        t.click(6, 20);
        assert_eq!(t.cursor(), 4);
        t.click(50, 20);
        assert_eq!(t.cursor(), 7);
    }

    #[test]
    fn wide_chars_scroll_and_cursor() {
        let t = TextInput::new("日本語のお店");
        let mut buf = Buffer::empty(Rect::new(0, 0, 6, 1));
        let x = t.render(Rect::new(0, 0, 6, 1), &mut buf, Style::default());
        assert!(x <= 5);
    }
}
