//! Language tags: BCP 47, parsed and canonicalised once at the edge.
use std::fmt;
use std::str::FromStr;

use unic_langid::LanguageIdentifier;

use crate::error::Error;

/// A canonical BCP 47 language tag (`ko-kr` is held as `ko-KR`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Lang(String);

impl Lang {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl FromStr for Lang {
    type Err = Error;

    fn from_str(tag: &str) -> Result<Lang, Error> {
        let bad = || Error::BadLanguage {
            tag: tag.to_string(),
        };
        // unic-langid accepts `_` as a separator and the empty tag as `und`;
        // neither names a language a catalog can be for.
        if tag.is_empty() || tag.contains('_') {
            return Err(bad());
        }
        let id: LanguageIdentifier = tag.parse().map_err(|_| bad())?;
        if id.language.is_empty() {
            return Err(bad());
        }
        Ok(Lang(id.to_string()))
    }
}

impl serde::Serialize for Lang {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> serde::Deserialize<'de> for Lang {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Lang, D::Error> {
        let tag = String::deserialize(deserializer)?;
        tag.parse().map_err(serde::de::Error::custom)
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonicalises_case() {
        assert_eq!("ko-kr".parse::<Lang>().unwrap().as_str(), "ko-KR");
        assert_eq!("zh-hant-tw".parse::<Lang>().unwrap().as_str(), "zh-Hant-TW");
        assert_eq!("EN".parse::<Lang>().unwrap().as_str(), "en");
    }

    #[test]
    fn rejects_garbage() {
        for tag in ["", "und", "k", "ko_KR", "12", "ko-"] {
            assert!(tag.parse::<Lang>().is_err(), "{tag} was accepted");
        }
    }
}
