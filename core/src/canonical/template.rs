//! Templates: literal text and `{field}`s, read in place.

use super::Field;
use crate::Error;

/// A piece of a template.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Segment<'t> {
    /// Text signed as it is (`{{` and `}}` stand for one brace).
    Literal(&'t [u8]),
    /// A part of the request.
    Field(Field),
}

/// A checked template, such as `{timestamp}:{path}` or `v0:{timestamp}:{body}`: literal text
/// and `{field}`s (see [`Field`]), with `{{` and `}}` for literal braces.
///
/// ```
/// use sigmint_core::{Error, canonical::{Field, Segment, Template}};
///
/// let t = Template::parse("{timestamp}.{body}")?;
/// let segments: Vec<_> = t.segments().collect::<Result<_, _>>()?;
/// assert_eq!(segments, [Segment::Field(Field::Timestamp), Segment::Literal(b"."), Segment::Field(Field::Body)]);
/// assert_eq!(Template::parse("{time}").err(), Some(Error::UnknownTemplateField { offset: 0 }));
/// assert_eq!(Template::parse("a{body").err(), Some(Error::MalformedTemplate { offset: 1 }));
/// # Ok::<(), Error>(())
/// ```
#[derive(Clone, Copy, Debug, Eq)]
pub struct Template<'t> {
    text: &'t str,
    /// A preset's pieces, read once when core was compiled: signing with a preset parses
    /// nothing (parsing `{timestamp}:{path}` on every Fonbnk signature cost a terminal 1,400
    /// instructions, a fifth of the signature).
    compiled: Option<&'static [Segment<'static>]>,
}

/// Templates are equal when their texts are (the compiled pieces are the text's).
impl PartialEq for Template<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.text == other.text
    }
}

impl<'t> Template<'t> {
    /// Checks `text` as a template.
    ///
    /// # Errors
    /// [`Error::MalformedTemplate`] for an empty template, an unclosed `{` or a lone `}`;
    /// [`Error::UnknownTemplateField`] for a name that is not a [`Field`]'s; each with the
    /// byte offset where it is.
    pub fn parse(text: &'t str) -> Result<Template<'t>, Error> {
        if text.is_empty() {
            return Err(Error::MalformedTemplate { offset: 0 });
        }
        Segments::new(text).try_for_each(|segment| segment.map(drop))?;
        Ok(Template {
            text,
            compiled: None,
        })
    }

    /// A preset's template: its text and the pieces it parses to (a test checks they agree).
    pub(crate) const fn compiled(
        text: &'static str,
        segments: &'static [Segment<'static>],
    ) -> Template<'static> {
        Template {
            text,
            compiled: Some(segments),
        }
    }

    /// The template's text.
    #[must_use]
    pub const fn as_str(&self) -> &'t str {
        self.text
    }

    /// Its pieces, in order (each `Ok`: the text was checked).
    #[must_use]
    pub fn segments(&self) -> Segments<'t> {
        match self.compiled {
            Some(compiled) => Segments {
                rest: &[],
                offset: 0,
                compiled,
            },
            None => Segments::new(self.text),
        }
    }

    /// Whether the template signs `field`.
    #[must_use]
    pub fn uses(&self, field: Field) -> bool {
        self.segments()
            .any(|segment| segment == Ok(Segment::Field(field)))
    }
}

/// The pieces of a template, read one at a time without allocation; the first error ends
/// them.
#[derive(Clone, Debug)]
pub struct Segments<'t> {
    rest: &'t [u8],
    offset: usize,
    /// A preset's pieces not yet given (the text is then not read).
    compiled: &'static [Segment<'static>],
}

impl<'t> Segments<'t> {
    fn new(text: &'t str) -> Segments<'t> {
        Segments {
            rest: text.as_bytes(),
            offset: 0,
            compiled: &[],
        }
    }

    /// Moves past `n` bytes of the rest (at most all of it).
    fn advance(&mut self, n: usize) {
        let n = n.min(self.rest.len());
        self.rest = self.rest.get(n..).unwrap_or_default();
        self.offset = self.offset.saturating_add(n);
    }

    /// Ends the pieces with `error`.
    fn fail(&mut self, error: Error) -> Option<Result<Segment<'t>, Error>> {
        self.rest = &[];
        Some(Err(error))
    }
}

impl<'t> Iterator for Segments<'t> {
    type Item = Result<Segment<'t>, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        if let Some((first, others)) = self.compiled.split_first() {
            self.compiled = others;
            return Some(Ok(*first));
        }
        let rest = self.rest;
        let offset = self.offset;
        match rest {
            [] => None,
            [b'{', b'{', ..] | [b'}', b'}', ..] => {
                self.advance(2);
                Some(Ok(Segment::Literal(rest.get(..1).unwrap_or_default())))
            }
            [b'}', ..] => self.fail(Error::MalformedTemplate { offset }),
            [b'{', name @ ..] => {
                let Some(end) = name.iter().position(|&b| b == b'}' || b == b'{') else {
                    return self.fail(Error::MalformedTemplate { offset });
                };
                if name.get(end) == Some(&b'{') {
                    return self.fail(Error::MalformedTemplate {
                        offset: offset.saturating_add(end).saturating_add(1),
                    });
                }
                let Some(field) = name.get(..end).and_then(Field::from_name) else {
                    return self.fail(Error::UnknownTemplateField { offset });
                };
                self.advance(end.saturating_add(2));
                Some(Ok(Segment::Field(field)))
            }
            _ => {
                let end = rest
                    .iter()
                    .position(|&b| b == b'{' || b == b'}')
                    .unwrap_or(rest.len());
                self.advance(end);
                Some(Ok(Segment::Literal(rest.get(..end).unwrap_or_default())))
            }
        }
    }
}
