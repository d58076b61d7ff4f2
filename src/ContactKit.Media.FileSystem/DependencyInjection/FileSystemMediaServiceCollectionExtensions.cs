using ContactKit;
using ContactKit.Media.FileSystem;
using ContactKit.Recording;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Plugs the file-system media store into a ContactKit registration.</summary>
public static class FileSystemMediaServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="FileSystemRecordingMediaStore"/> (resolvable by its own type too, for its deletion proofs) as
    /// the one <see cref="IRecordingMediaStore"/>, replacing any other (such as the in-memory fake) whatever the call order, with <see cref="FileSystemMediaOptions"/> validated at
    /// start-up. Safe to call more than once.
    /// </summary>
    /// <param name="builder">The ContactKit builder.</param>
    /// <param name="configure">Sets the options in code, after any configuration read by <c>BindConfiguration()</c> from the <c>ContactKit:FileSystemMedia</c> section (<see cref="FileSystemMediaOptions.SectionName"/>); may be <see langword="null"/>.</param>
    /// <returns>The builder.</returns>
    public static ContactKitBuilder UseFileSystemMedia(this ContactKitBuilder builder, Action<FileSystemMediaOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddValidatedOptions<FileSystemMediaOptions, FileSystemMediaOptionsValidator>(configure, FileSystemMediaOptions.SectionName);

        // One store instance serves both registrations, so its per-recording write locks cover every caller.
        builder.Services.TryAddSingleton<FileSystemRecordingMediaStore>();
        builder.Services.RemoveAll<IRecordingMediaStore>();
        builder.Services.AddSingleton<IRecordingMediaStore>(services => services.GetRequiredService<FileSystemRecordingMediaStore>());
        return builder;
    }
}
