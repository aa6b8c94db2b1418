using System.Threading.Tasks;
using OpenAdr.Edge.Xml.Serialization;
using Xunit;

namespace OpenAdr.Edge.Xml.Tests;

public class Utf8StringPoolTests
{
    [Fact]
    public void The_same_bytes_give_the_same_string_instance()
    {
        var pool = new Utf8StringPool();
        var first = pool.GetString("ven-9eea0291"u8);
        var second = pool.GetString("ven-9eea0291"u8);
        Assert.Equal("ven-9eea0291", first);
        Assert.Same(first, second);
        Assert.NotSame(first, pool.GetString("ven-other"u8));
    }

    [Fact]
    public void A_full_pool_still_answers_correctly()
    {
        var pool = new Utf8StringPool(capacity: 16);
        for (var i = 0; i < 1000; i++)
        {
            var text = "ven-" + i;
            Assert.Equal(text, pool.GetString(System.Text.Encoding.UTF8.GetBytes(text)));
        }

        Assert.True(pool.Count <= 16);
    }

    [Fact]
    public void Concurrent_lookups_agree()
    {
        var pool = new Utf8StringPool();
        Parallel.For(0, 10_000, i =>
        {
            var text = "ven-" + (i % 100);
            Assert.Equal(text, pool.GetString(System.Text.Encoding.UTF8.GetBytes(text)));
        });
        Assert.Equal(100, pool.Count);
    }

    [Theory]
    [InlineData("ven-bâtiment-7")]
    [InlineData("ven-\u00e9")]
    [InlineData("站点-042")]
    public void Non_ascii_ids_are_pooled_and_told_apart(string id)
    {
        var pool = new Utf8StringPool();
        var utf8 = System.Text.Encoding.UTF8.GetBytes(id);
        var first = pool.GetString(utf8);
        Assert.Equal(id, first);
        Assert.Same(first, pool.GetString(utf8));

        // Same length in bytes, one character changed: a different string, whatever the hash says.
        var other = (byte[])utf8.Clone();
        other[0] ^= 1;
        Assert.Equal(System.Text.Encoding.UTF8.GetString(other), pool.GetString(other));
        Assert.NotSame(first, pool.GetString(other));
    }

    [Fact]
    public void Invalid_utf8_reads_as_the_decoder_reads_it_every_time()
    {
        var pool = new Utf8StringPool();
        byte[] invalid = [(byte)'v', 0xC3, (byte)'x'];
        var expected = System.Text.Encoding.UTF8.GetString(invalid);
        Assert.Equal(expected, pool.GetString(invalid));
        Assert.Equal(expected, pool.GetString(invalid));
    }
}
