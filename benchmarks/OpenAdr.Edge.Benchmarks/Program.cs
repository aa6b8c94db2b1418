using BenchmarkDotNet.Running;

if (args is ["footprint", ..])
{
    await OpenAdr.Edge.Benchmarks.MemoryFootprint.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10_000);
    return;
}

if (args is ["sizes", ..])
{
    foreach (var name in OpenAdr.Edge.Benchmarks.SamplePayloads.Names)
    {
        System.Console.WriteLine($"{name}: {OpenAdr.Edge.Benchmarks.SamplePayloads.Bytes(name).Length} bytes");
    }

    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
