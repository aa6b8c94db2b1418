namespace OpenAdr.Edge.Xml;

/// <summary>Why a document was refused. Stable: logs and metrics use these names.</summary>
public enum XmlError
{
    None = 0,

    // Well-formedness
    UnexpectedEndOfInput,
    InvalidUtf8,
    InvalidCharacter,
    InvalidSyntax,
    InvalidName,
    UnsupportedEncoding,
    DtdNotAllowed,
    UndeclaredPrefix,
    InvalidNamespaceDeclaration,
    MismatchedEndTag,
    DuplicateAttribute,
    UnknownEntity,
    InvalidCharacterReference,
    NoRootElement,
    TrailingContent,

    // Limits (XmlReaderOptions)
    DepthLimitExceeded,
    NameLengthLimitExceeded,
    TextLengthLimitExceeded,
    AttributeLimitExceeded,

    // Schema (the generated readers)
    UnknownRootElement,
    UnexpectedElement,
    UnexpectedAttribute,
    UnexpectedText,
    ElementOutOfOrder,
    MissingElement,
    MissingAttribute,
    InvalidValue,
}
