//! Masking of values for display: keep a recognisable prefix, hide the rest.

use crate::kind::Kind;

/// Masks a found value: `850312-1234` → `850312-****`, `anna@example.se` → `a***@example.se`,
/// `070-123 45 67` → `070-*** ** **`, `SE45 5000 …` → `SE45 **** …`, `192.168.1.10` →
/// `192.***.*.**`. Indicator words are returned unchanged (they identify no one).
pub fn mask(kind: Kind, value: &[u8]) -> String {
    let text = crate::encoding::value_text(value);
    match kind {
        Kind::SpecialCategory(_) => text,
        Kind::Email => match text.find('@').or_else(|| text.find("%40")) {
            Some(at) => {
                let first: String = text.chars().take(1).collect();
                format!("{first}***{}", &text[at..])
            }
            None => "*".repeat(text.len()),
        },
        Kind::Personnummer | Kind::Samordningsnummer | Kind::Organisationsnummer => {
            keep_then_mask(&text, text.len().saturating_sub(4), |c| c.is_ascii_digit())
        }
        Kind::Phone => keep_digits(&text, 3, |c| c.is_ascii_digit()),
        Kind::PaymentCard => keep_digits(&text, 4, |c| c.is_ascii_digit()),
        Kind::Iban => keep_digits(&text, 4, |c| c.is_ascii_alphanumeric()),
        Kind::IpAddress => {
            let cut = text.find(['.', ':']).unwrap_or(text.len());
            keep_then_mask(&text, cut, |c| c.is_ascii_hexdigit())
        }
    }
}

fn keep_then_mask(text: &str, keep: usize, hide: impl Fn(char) -> bool) -> String {
    if text.is_ascii() {
        // One byte per character: masked in place, without decoding.
        let mut b = text.as_bytes().to_vec();
        for c in b.iter_mut().skip(keep) {
            if hide(char::from(*c)) {
                *c = b'*';
            }
        }
        return String::from_utf8(b).expect("ASCII stays ASCII");
    }
    text.char_indices()
        .map(|(i, c)| if i >= keep && hide(c) { '*' } else { c })
        .collect()
}

fn keep_digits(text: &str, n: usize, counted: impl Fn(char) -> bool) -> String {
    let mut seen = 0;
    let mut mask = |c: char| {
        if counted(c) {
            seen += 1;
            if seen > n {
                return '*';
            }
        }
        c
    };
    if text.is_ascii() {
        let b = text.bytes().map(|c| mask(char::from(c)) as u8).collect();
        return String::from_utf8(b).expect("ASCII stays ASCII");
    }
    text.chars().map(mask).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn masks() {
        assert_eq!(mask(Kind::Personnummer, b"850312-1234"), "850312-****");
        assert_eq!(mask(Kind::Personnummer, b"198503121234"), "19850312****");
        assert_eq!(mask(Kind::Email, b"anna@example.se"), "a***@example.se");
        assert_eq!(mask(Kind::Email, b"anna%40example.se"), "a***%40example.se");
        assert_eq!(mask(Kind::Phone, b"070-123 45 67"), "070-*** ** **");
        assert_eq!(mask(Kind::IpAddress, b"192.168.1.10"), "192.***.*.**");
        assert_eq!(
            mask(Kind::PaymentCard, b"4111 1111 1111 1111"),
            "4111 **** **** ****"
        );
        // Not ASCII: characters, not bytes, are kept and masked.
        assert_eq!(
            mask(Kind::Phone, "070–123 45 67".as_bytes()),
            "070–*** ** **"
        );
        assert_eq!(
            mask(Kind::Personnummer, "850312–1234".as_bytes()),
            "850312–****"
        );
        assert_eq!(
            mask(Kind::IpAddress, b"2001:db8::ff00:42"),
            "2001:***::****:**"
        );
    }
}
