using Xunit;

namespace OpenAdr.Edge.Vtn.Tests.Engine;

public sealed class FingerprintsTests
{
    private const string Spec = "AB:CD:EF:01:23:45:67:89:0A:BC";

    [Theory]
    [InlineData(Spec, Spec)]
    [InlineData(Spec, "ab:cd:ef:01:23:45:67:89:0a:bc")]
    [InlineData(Spec, "abcdef01234567890abc")]
    public void The_same_fingerprint_written_either_way_is_equal(string a, string b)
    {
        Assert.True(Fingerprints.AreEqual(a, b));
        Assert.True(Fingerprints.AreEqual(b, a));
    }

    [Theory]
    [InlineData(Spec, "AB:CD:EF:01:23:45:67:89:0A:BD")]
    [InlineData(Spec, "AB:CD:EF:01:23:45:67:89:0A")]
    [InlineData(Spec, "ABCDEF0123456789 0ABC")]
    [InlineData("not a fingerprint", "not a fingerprint")]
    [InlineData("ABC", "abc")]
    [InlineData("", "")]
    public void Different_or_malformed_fingerprints_are_not_equal(string a, string b) =>
        Assert.False(Fingerprints.AreEqual(a, b));
}
