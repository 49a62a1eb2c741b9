//! The 6-digit code sent by email: typed with spaces or hyphens ("123 456", "123-456") is fine.

pub const CODE_LENGTH: usize = 6;
pub const MISSING: &str = "Enter the code from the email";
pub const INVALID: &str = "The code must be 6 digits, like 123456";

/// The code without spaces and hyphens, or the message saying what is wrong.
pub fn normalize_code(input: &str) -> Result<String, &'static str> {
    let code: String = input.chars().filter(|c| !c.is_whitespace() && *c != '-').collect();
    if code.is_empty() {
        Err(MISSING)
    } else if code.len() == CODE_LENGTH && code.bytes().all(|b| b.is_ascii_digit()) {
        Ok(code)
    } else {
        Err(INVALID)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_six_digits_with_spaces_and_hyphens() {
        assert_eq!(normalize_code("123456").unwrap(), "123456");
        assert_eq!(normalize_code(" 123 456 ").unwrap(), "123456");
        assert_eq!(normalize_code("123-456").unwrap(), "123456");
    }

    #[test]
    fn refuses_anything_else_with_a_reason() {
        assert_eq!(normalize_code("   "), Err(MISSING));
        assert_eq!(normalize_code("12345"), Err(INVALID));
        assert_eq!(normalize_code("1234567"), Err(INVALID));
        assert_eq!(normalize_code("12345a"), Err(INVALID));
        assert_eq!(normalize_code("١٢٣٤٥٦"), Err(INVALID), "only ASCII digits");
    }
}
