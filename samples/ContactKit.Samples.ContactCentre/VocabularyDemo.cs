namespace ContactKit.Samples.ContactCentre;

/// <summary>
/// Expresses the data inventory of a council's contact-centre notice (reference notice 000) in ContactKit's vocabulary:
/// the channels it handles, the categories it collects, its lawful basis and special category condition.
/// </summary>
public static class VocabularyDemo
{
    /// <summary>Prints the inventory.</summary>
    /// <param name="output">Where it prints.</param>
    /// <returns>A task.</returns>
    public static async Task RunAsync(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var taxonomy = DataCategoryTaxonomy.Default;
        Channel[] channels = [Channel.VoiceCall, Channel.Webchat, Channel.Sms, Channel.Email, Channel.SocialMedia, Channel.WhatsApp];
        string[] collected =
        [
            "identifier.name", "identifier.username", "media.call_recording", "identifier.vehicle_registration",
            "contact.email", "contact.address", "contact.phone", "personal.date_of_birth",
            "identifier.national_insurance_number", "interaction.reason_for_contact",
            "derived.sentiment", "derived.interaction_summary",
        ];

        await output.WriteLineAsync($"Channels handled: {string.Join(", ", channels)}");
        await output.WriteLineAsync($"Lawful basis: {LawfulBasis.LegalObligation} ({LawfulBasis.LegalObligation.Article()})");
        await output.WriteLineAsync($"Special category condition: {SpecialCategoryCondition.EmploymentSocialSecurityAndSocialProtection.Article()}");
        await output.WriteLineAsync("Profiling and automated decisions: not applicable");
        await output.WriteLineAsync("Personal data collected:");
        foreach (var key in collected)
        {
            var category = taxonomy.Resolve(key).Value;
            var marks = new List<string>();
            if (category.IsDerived)
            {
                marks.Add("derived");
            }

            if (category.IsSpecialCategory)
            {
                marks.Add("special category");
            }

            var dpv = category.DpvConcept is null ? "no DPV concept" : $"DPV {category.DpvConcept.Fragment}";
            await output.WriteLineAsync($"  - {category.Key,-40} {category.Name} ({dpv}{(marks.Count > 0 ? "; " + string.Join(", ", marks) : string.Empty)})");
        }

        var payment = taxonomy.Resolve("payment.card").Value;
        await output.WriteLineAsync($"{payment.Name}: {(payment.IsNeverStored ? "taken only during a secure pause, never stored" : "may be stored")}");

        var purposes = new[] { Purpose.QualityMonitoring, Purpose.Training, Purpose.Reporting, Purpose.ServiceImprovement };
        await output.WriteLineAsync($"Purposes for sharing: {string.Join(", ", purposes)}");

        var bad = Jurisdiction.ParseText("UK-ENG");
        await output.WriteLineAsync($"A bad jurisdiction is refused: {bad.Error}");
    }
}
