namespace OpenAdr.Edge.Payloads.Signatures;

/// <summary>The XML-DSig algorithm URIs OpenADR's "high security" profile uses (§10.6).</summary>
public static class SignatureAlgorithms
{
    public const string Sha256 = "http://www.w3.org/2001/04/xmlenc#sha256";
    public const string RsaSha256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";
    public const string EcdsaSha256 = "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256";

    /// <summary>Where signatures put the ReplayProtect property, and OpenLEADR's IDs for it.</summary>
    internal const string PropertiesObjectId = "prop";
    internal const string PropertyId = "myid";
    internal const string PropertyTarget = "#mytarget";
}
