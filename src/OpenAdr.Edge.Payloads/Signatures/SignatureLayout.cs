using System;
using System.Collections.Generic;
using OpenAdr.Edge.Xml;
using OpenAdr.Edge.Xml.Serialization;

namespace OpenAdr.Edge.Payloads.Signatures;

/// <summary>
/// What a signed oadrPayload says about its signature, read with the payload reader: the SignedInfo, the signature
/// value, the certificate, the ReplayProtect property and the IDs of the elements holding it, and where the signed
/// object starts. It checks the shape only; <see cref="XmlSignatureVerifier"/> checks the content.
/// </summary>
internal sealed class SignatureLayout
{

    public string CanonicalizationAlgorithm { get; private set; } = "";

    public string? CanonicalizationPrefixes { get; private set; }

    public string SignatureAlgorithm { get; private set; } = "";

    public List<ReferenceLayout> References { get; } = [];

    public string SignatureValue { get; private set; } = "";

    public string? Certificate { get; private set; }

    public ReplayProtect? ReplayProtect { get; private set; }

    public int ReplayProtectCount { get; private set; }

    /// <summary>IDs of the ds:Object, ds:SignatureProperties and ds:SignatureProperty elements around the ReplayProtect.</summary>
    public HashSet<string> ReplayHolderIds { get; } = new(StringComparer.Ordinal);

    public int SignedObjectOffset { get; private set; } = -1;

    /// <summary>Reads the layout, or says why the payload has none: unsigned, or not a shape OpenADR allows.</summary>
    public static SignatureStatus TryRead(ReadOnlySpan<byte> document, out SignatureLayout layout)
    {
        layout = new SignatureLayout();
        var reader = new Utf8XmlReader(document, XmlReaderOptions.Default);
        try
        {
            return layout.Read(ref reader, document);
        }
        catch (XmlReadException)
        {
            return SignatureStatus.Malformed;
        }
        finally
        {
            reader.Dispose();
        }
    }

    private SignatureStatus Read(ref Utf8XmlReader reader, ReadOnlySpan<byte> document)
    {
        if (!reader.Read() || !Is(ref reader, Oadr, "oadrPayload"u8) || !reader.ReadToNextChild())
        {
            return SignatureStatus.Malformed;
        }

        if (Is(ref reader, Oadr, "oadrSignedObject"u8))
        {
            reader.Skip();
            return reader.ReadToNextChild() ? SignatureStatus.Malformed : SignatureStatus.Unsigned;
        }

        if (!Is(ref reader, Ds, "Signature"u8) || !ReadSignature(ref reader) || !reader.ReadToNextChild()
            || !Is(ref reader, Oadr, "oadrSignedObject"u8))
        {
            return SignatureStatus.Malformed;
        }

        var signedObject = reader.ReadRawElement();
        if (!document.Overlaps(signedObject, out var offset) || reader.ReadToNextChild())
        {
            return SignatureStatus.Malformed;
        }

        SignedObjectOffset = offset;
        return SignatureStatus.Valid;
    }

    private bool ReadSignature(ref Utf8XmlReader reader)
    {
        if (!reader.ReadToNextChild() || !Is(ref reader, Ds, "SignedInfo"u8) || !ReadSignedInfo(ref reader)
            || !reader.ReadToNextChild() || !Is(ref reader, Ds, "SignatureValue"u8))
        {
            return false;
        }

        SignatureValue = reader.ReadElementText().ToUtf8String();
        while (reader.ReadToNextChild())
        {
            if (Is(ref reader, Ds, "KeyInfo"u8))
            {
                ReadKeyInfo(ref reader);
            }
            else if (Is(ref reader, Ds, "Object"u8))
            {
                ReadObject(ref reader);
            }
            else
            {
                return false;
            }
        }

        return true;
    }

    private bool ReadSignedInfo(ref Utf8XmlReader reader)
    {
        if (!reader.ReadToNextChild() || !Is(ref reader, Ds, "CanonicalizationMethod"u8))
        {
            return false;
        }

        CanonicalizationAlgorithm = Attribute(ref reader, "Algorithm"u8) ?? "";
        CanonicalizationPrefixes = ReadAlgorithmParameters(ref reader, out var known);
        if (!known || !reader.ReadToNextChild() || !Is(ref reader, Ds, "SignatureMethod"u8))
        {
            return false;
        }

        SignatureAlgorithm = Attribute(ref reader, "Algorithm"u8) ?? "";
        if (reader.ReadToNextChild())
        {
            return false;
        }

        while (reader.ReadToNextChild())
        {
            if (!Is(ref reader, Ds, "Reference"u8) || !ReadReference(ref reader))
            {
                return false;
            }
        }

        return true;
    }

    private bool ReadReference(ref Utf8XmlReader reader)
    {
        var reference = new ReferenceLayout(Attribute(ref reader, "URI"u8));
        References.Add(reference);
        if (!reader.ReadToNextChild())
        {
            return false;
        }

        if (Is(ref reader, Ds, "Transforms"u8))
        {
            while (reader.ReadToNextChild())
            {
                if (!Is(ref reader, Ds, "Transform"u8))
                {
                    return false;
                }

                var algorithm = Attribute(ref reader, "Algorithm"u8) ?? "";
                var prefixes = ReadAlgorithmParameters(ref reader, out var known);
                if (!known)
                {
                    return false;
                }

                reference.Transforms.Add((algorithm, prefixes));
            }

            if (!reader.ReadToNextChild())
            {
                return false;
            }
        }

        if (!Is(ref reader, Ds, "DigestMethod"u8))
        {
            return false;
        }

        reference.DigestAlgorithm = Attribute(ref reader, "Algorithm"u8) ?? "";
        reader.Skip();
        if (!reader.ReadToNextChild() || !Is(ref reader, Ds, "DigestValue"u8))
        {
            return false;
        }

        reference.DigestValue = reader.ReadElementText().ToUtf8String();
        return !reader.ReadToNextChild();
    }

    /// <summary>The exclusive C14N InclusiveNamespaces PrefixList under a method element, if any; anything else is unknown.</summary>
    private static string? ReadAlgorithmParameters(ref Utf8XmlReader reader, out bool known)
    {
        known = true;
        string? prefixes = null;
        while (reader.ReadToNextChild())
        {
            if (!Is(ref reader, ExclusiveC14n, "InclusiveNamespaces"u8) || prefixes is not null)
            {
                known = false;
                reader.Skip();
                continue;
            }

            prefixes = Attribute(ref reader, "PrefixList"u8) ?? "";
            reader.Skip();
        }

        return prefixes;
    }

    private void ReadKeyInfo(ref Utf8XmlReader reader)
    {
        while (reader.ReadToNextChild())
        {
            if (!Is(ref reader, Ds, "X509Data"u8))
            {
                reader.Skip();
                continue;
            }

            while (reader.ReadToNextChild())
            {
                if (Certificate is null && Is(ref reader, Ds, "X509Certificate"u8))
                {
                    Certificate = reader.ReadElementText().ToUtf8String();
                }
                else
                {
                    reader.Skip();
                }
            }
        }
    }

    private void ReadObject(ref Utf8XmlReader reader)
    {
        var objectId = IdOf(ref reader);
        while (reader.ReadToNextChild())
        {
            if (!Is(ref reader, Ds, "SignatureProperties"u8))
            {
                reader.Skip();
                continue;
            }

            var propertiesId = IdOf(ref reader);
            while (reader.ReadToNextChild())
            {
                if (!Is(ref reader, Ds, "SignatureProperty"u8))
                {
                    reader.Skip();
                    continue;
                }

                var propertyId = IdOf(ref reader);
                while (reader.ReadToNextChild())
                {
                    if (!Is(ref reader, Dsp, "ReplayProtect"u8))
                    {
                        reader.Skip();
                        continue;
                    }

                    ReplayProtect? replay = null;
                    ReplayProtect.ReadXml(ref reader, ref replay, XmlReadContext.Shared);
                    ReplayProtect = replay;
                    ReplayProtectCount++;
                    foreach (var id in (ReadOnlySpan<string?>)[objectId, propertiesId, propertyId])
                    {
                        if (id is not null)
                        {
                            ReplayHolderIds.Add(id);
                        }
                    }
                }
            }
        }
    }

    /// <summary>The element's ID attribute as <see cref="Xml.Canonicalization.ElementSelector.ById"/> finds it: local name Id, any namespace.</summary>
    private static string? IdOf(ref Utf8XmlReader reader)
    {
        for (var i = 0; i < reader.AttributeCount; i++)
        {
            if (reader.GetAttributeLocalName(i).SequenceEqual("Id"u8))
            {
                return reader.GetAttributeValue(i).ToUtf8String();
            }
        }

        return null;
    }

    private static string? Attribute(ref Utf8XmlReader reader, ReadOnlySpan<byte> localName)
    {
        for (var i = 0; i < reader.AttributeCount; i++)
        {
            if (reader.GetAttributeLocalName(i).SequenceEqual(localName) && reader.GetAttributeNamespace(i).IsEmpty)
            {
                return reader.GetAttributeValue(i).ToUtf8String();
            }
        }

        return null;
    }

    private static ReadOnlySpan<byte> Oadr => "http://openadr.org/oadr-2.0b/2012/07"u8;

    private static ReadOnlySpan<byte> Ds => "http://www.w3.org/2000/09/xmldsig#"u8;

    private static ReadOnlySpan<byte> Dsp => "http://openadr.org/oadr-2.0b/2012/07/xmldsig-properties"u8;

    private static ReadOnlySpan<byte> ExclusiveC14n => "http://www.w3.org/2001/10/xml-exc-c14n#"u8;

    private static bool Is(ref Utf8XmlReader reader, ReadOnlySpan<byte> namespaceUri, ReadOnlySpan<byte> localName) =>
        reader.LocalName.SequenceEqual(localName) && reader.NamespaceUri.SequenceEqual(namespaceUri);
}

/// <summary>One ds:Reference as written.</summary>
internal sealed class ReferenceLayout(string? uri)
{
    public string? Uri { get; } = uri;

    public List<(string Algorithm, string? Prefixes)> Transforms { get; } = [];

    public string DigestAlgorithm { get; set; } = "";

    public string DigestValue { get; set; } = "";
}

internal static class Utf8Text
{
    public static string ToUtf8String(this ReadOnlySpan<byte> utf8) => System.Text.Encoding.UTF8.GetString(utf8);
}
