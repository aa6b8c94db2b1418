using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Xml;
using System.Xml.Schema;
using OpenAdr.Edge.Payloads;
using OpenAdr.Edge.Tests;
using Xunit;

namespace OpenAdr.Edge.Vtn.Tests.Scenarios;

/// <summary>
/// The official OpenADR 2.0b schema set from ../shared, compiled once (the approach of OpenAdr.Edge.Payloads.Tests'
/// OadrSchema): oadr_20b.xsd, which imports the rest, plus the xmldsig-properties schema it does not import.
/// </summary>
internal static class OadrSchema
{
    private const string Folder = "openadr-2.0b-schema";
    private static readonly Lazy<XmlSchemaSet> s_set = new(Compile);

    public static XmlSchemaSet Set
    {
        get
        {
            SharedFiles.Get(Folder + "/oadr_20b.xsd");
            return s_set.Value;
        }
    }

    /// <summary>Every error and warning the schema reports for <paramref name="xml"/>; empty when the document is valid.</summary>
    public static IReadOnlyList<string> Validate(byte[] xml)
    {
        var messages = new List<string>();
        var settings = new XmlReaderSettings
        {
            ValidationType = ValidationType.Schema,
            Schemas = Set,
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
        };
        settings.ValidationFlags |= XmlSchemaValidationFlags.ReportValidationWarnings;
        settings.ValidationEventHandler += (_, e) =>
            messages.Add($"{e.Severity} at {e.Exception?.LineNumber}:{e.Exception?.LinePosition}: {e.Message}");
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(xml), settings);
            while (reader.Read())
            {
            }
        }
        catch (XmlException e)
        {
            messages.Add($"Not well-formed: {e.Message}");
        }

        return messages;
    }

    /// <summary>
    /// Writes the message as the transport would (an oadrPayload around it), checks the document against the schema
    /// and reads it back as the same message type. Returns the document.
    /// </summary>
    public static byte[] AssertWritesValidDocument(OadrMessage message)
    {
        var payload = new OadrPayload { OadrSignedObject = new OadrSignedObject { Id = "oadrSignedObject", Message = message } };
        var output = new ArrayBufferWriter<byte>();
        payload.WriteDocument(output);
        var xml = output.WrittenSpan.ToArray();
        var messages = Validate(xml);
        if (messages.Count > 0)
        {
            Assert.Fail($"{message.GetType().Name} is not valid against oadr_20b.xsd ({messages.Count} messages):\n{string.Join("\n", messages)}\n--- document ---\n{Encoding.UTF8.GetString(xml)}");
        }

        Assert.IsType(message.GetType(), OadrPayload.Read(xml).OadrSignedObject.Message);
        return xml;
    }

    private static XmlSchemaSet Compile()
    {
        var folder = SharedFiles.Get(Folder);
        var set = new XmlSchemaSet { XmlResolver = new XmlUrlResolver() };
        var messages = new List<string>();
        set.ValidationEventHandler += (_, e) => messages.Add($"{e.Severity}: {e.Message}");
        set.Add(null, Path.Combine(folder, "oadr_20b.xsd"));
        set.Add(null, Path.Combine(folder, "oadr_xmldsig-properties-schema.xsd"));
        set.Compile();
        if (messages.Count > 0)
        {
            throw new InvalidOperationException("The OpenADR schema set did not compile cleanly:\n" + string.Join("\n", messages));
        }

        return set;
    }
}
