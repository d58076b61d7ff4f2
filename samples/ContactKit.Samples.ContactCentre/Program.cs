using ContactKit.Samples.ContactCentre;

// Runs every part of the contact-centre sample in turn and prints what it did. The story keeps ContactKit's tables in a
// temporary SQLite file, or in the one given with --database PATH.
var at = Array.IndexOf(args, "--database");
if (at >= 0 && at + 1 >= args.Length)
{
    Console.Error.WriteLine("--database needs the path of a SQLite file, for example --database contactkit.db");
    return 2;
}

return await ContactCentreSample.RunAsync(Console.Out, at >= 0 ? args[at + 1] : null);
