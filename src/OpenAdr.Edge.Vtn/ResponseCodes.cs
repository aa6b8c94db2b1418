namespace OpenAdr.Edge.Vtn;

/// <summary>The OpenADR 2.0b response codes (§8.7) the VTN answers with.</summary>
public static class ResponseCodes
{
    public const string Ok = "200";
    public const string OutOfSequence = "450";
    public const string NotAllowed = "451";
    public const string InvalidId = "452";
    public const string NotRecognized = "453";
    public const string InvalidData = "454";
    public const string ComplianceError = "459";
    public const string SignalNotSupported = "460";
    public const string ReportNotSupported = "461";
    public const string TargetMismatch = "462";
    public const string NotRegisteredOrAuthorized = "463";
    public const string DeploymentError = "469";
}
