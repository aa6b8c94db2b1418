using System;
using System.Linq;
using System.Threading.Tasks;
using OpenAdr.Edge.Vtn.Vens;
using Xunit;

namespace OpenAdr.Edge.Vtn.Tests.Engine;

/// <summary>The directory finds a VEN by any string equal to its venID, and through its table of instances never finds another.</summary>
public sealed class VenDirectoryTests
{
    [Fact]
    public void Every_VEN_is_found_by_any_instance_of_its_venID_as_the_directory_grows()
    {
        var directory = new VenDirectory(queueCapacity: 4);
        var ids = Enumerable.Range(0, 5_000).Select(i => $"ven-{i:D5}").ToArray();
        foreach (var id in ids)
        {
            directory.GetOrAdd(id);
        }

        foreach (var id in ids)
        {
            var pooled = new string(id.AsSpan());
            Assert.True(directory.TryGet(pooled, out var first));
            Assert.True(directory.TryGet(pooled, out var again));
            Assert.True(directory.TryGet(new string(id.AsSpan()), out var fresh));
            Assert.Equal(id, first.VenId);
            Assert.Same(first, again);
            Assert.Same(first, fresh);
            Assert.Same(first, directory.GetOrAdd(id));
        }

        Assert.False(directory.TryGet("ven-unknown", out _));
    }

    [Fact]
    public void Instances_that_share_a_slot_each_find_their_own_VEN_even_concurrently()
    {
        var directory = new VenDirectory(queueCapacity: 4);
        var ids = Enumerable.Range(0, 3_000).Select(i => $"ven-{i:D5}").ToArray();
        foreach (var id in ids)
        {
            directory.GetOrAdd(id);
        }

        // Several live instances per venID, looked up in random order from two threads: slots are overwritten all the time.
        var instances = ids.SelectMany(id => Enumerable.Range(0, 3).Select(_ => new string(id.AsSpan()))).ToArray();
        Parallel.For(0, 2, worker =>
        {
            var random = new Random(worker);
            for (var i = 0; i < 200_000; i++)
            {
                var instance = instances[random.Next(instances.Length)];
                Assert.True(directory.TryGet(instance, out var state));
                Assert.Equal(instance, state.VenId);
            }
        });
    }

    [Fact]
    public void The_empty_poll_answer_writes_the_venID_instance_the_VEN_was_last_found_by()
    {
        var directory = new VenDirectory(queueCapacity: 4);
        var state = directory.GetOrAdd("ven-00042");
        var pooled = new string("ven-00042".AsSpan());

        Assert.True(directory.TryGet(pooled, out var found));

        Assert.Same(state, found);
        Assert.Same(pooled, found.EmptyPollResponse.VenId);
        Assert.Equal("ven-00042", state.VenId);
    }
}
