/// Resources carrying every kind of identifier Safe Harbor names, in every kind of element
/// (narrative, extensions, contained resources, notes, attachments, displays, free text,
/// identifiers of relatives and employers), each planted value unique, with the codes and
/// values that must survive de-identification.
enum PlantedIdentifierCorpus {
    /// The planted patient's client-chosen id: itself an MRN, so it must never appear.
    static let patientID = "mrn-778899"

    /// Every planted value: none may appear in any response body or header of the research view.
    static let plantedValues: [String] = [
        // The clinical ids (client-chosen, identifying).
        patientID, "778899", "obs-plant-1", "obs-plant-age", "report-plant", "cond-plant", "enc-plant",
        // Names of the patient, relatives and employers.
        "Zyxwvplant", "Alicplant", "Kinplant", "PLANTCONTAINEDKIN", "PLANTEMPLOYER",
        // Geography finer than a state and ZIP3.
        "42 Plantation Lane", "Plantville", "Plantcounty", "02139", "7 Kin Road", "Kinplantcity", "02140",
        // Dates finer than the year.
        "1961-04-17", "2021-06-15", "2021-06-16", "1932-02-03",
        // Telecom, email, URLs and IP addresses.
        "617-555-0142", "617-555-0199", "alice.plant@example.org", "alice-plant.example.org", "photo-plant.example.org", "203.0.113.77",
        "plant-source.example",
        // SSN, MRN, plan, account, licence, vehicle, device serial, accession, any other number.
        "123-45-6789", "MRN-PLANT-4411", "PLAN-PLANT-5522", "ACCT-PLANT-6633", "LIC-PLANT-7744", "VIN-PLANT-1HGCM82633",
        "SN-PLANT-9931", "ACCESSION-PLANT-881", "DR-ACCESSION-PLANT", "UDI-PLANT-0042",
        // Photo, biometrics and attachments (base64 of PLANTPHOTO, PLANTFORM, PLANTPRINT).
        "UExBTlRQSE9UTw", "UExBTlRGT1JN", "UExBTlRQUklOVA",
        // Free text: narrative, notes, displays, CodeableConcept.text, conclusion, comments (every
        // planted text holds "PLANT"; this one is looked for in any case).
        "plant",
    ]

    /// Values that must survive: codes, systems, values, units, years, state, ZIP3.
    static let keptValues: [String] = ["2339-0", "http://loinc.org", "mg/dL", "95", "female", "1961", "MA", "021", "laboratory", "58410-2"]

    /// The planted patient's resources, to be written through the clinical view.
    static let resources: [String] = [
        """
        {"resourceType": "Patient", "id": "\(patientID)",
         "meta": {"source": "http://plant-source.example/ehr"},
         "text": {"status": "generated", "div": "<div xmlns=\\"http://www.w3.org/1999/xhtml\\">PLANTNARRATIVE Alicplant Zyxwvplant 123-45-6789</div>"},
         "contained": [{"resourceType": "RelatedPerson", "id": "kin", "patient": {"reference": "Patient/\(patientID)"}, "name": [{"family": "PLANTCONTAINEDKIN"}]}],
         "extension": [{"url": "http://hl7.org/fhir/StructureDefinition/patient-mothersMaidenName", "valueString": "PLANTMAIDEN"},
                       {"url": "http://example.org/fhir/StructureDefinition/last-login-ip", "valueString": "203.0.113.77"}],
         "identifier": [{"system": "http://hospital.example.org/mrn", "value": "MRN-PLANT-4411"},
                        {"system": "http://hl7.org/fhir/sid/us-ssn", "value": "123-45-6789"},
                        {"type": {"text": "PLANTPLANTYPE"}, "value": "PLAN-PLANT-5522"},
                        {"type": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v2-0203", "code": "AN"}]}, "value": "ACCT-PLANT-6633"},
                        {"type": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v2-0203", "code": "DL"}]}, "value": "LIC-PLANT-7744"}],
         "name": [{"family": "Zyxwvplant", "given": ["Alicplant"], "text": "Alicplant Zyxwvplant"}],
         "telecom": [{"system": "phone", "value": "617-555-0142"}, {"system": "email", "value": "alice.plant@example.org"},
                     {"system": "url", "value": "http://alice-plant.example.org"}],
         "gender": "female", "birthDate": "1961-04-17",
         "address": [{"line": ["42 Plantation Lane"], "city": "Plantville", "district": "Plantcounty", "state": "MA", "postalCode": "02139", "country": "US"}],
         "photo": [{"contentType": "image/jpeg", "data": "UExBTlRQSE9UTw==", "url": "http://photo-plant.example.org/a.jpg"}],
         "contact": [{"relationship": [{"text": "PLANTKINTEXT"}], "name": {"family": "Kinplant"}, "telecom": [{"system": "phone", "value": "617-555-0199"}],
                      "address": {"line": ["7 Kin Road"], "city": "Kinplantcity", "postalCode": "02140"},
                      "organization": {"reference": "Organization/employer-plant", "display": "PLANTEMPLOYER Inc"}}],
         "generalPractitioner": [{"reference": "Practitioner/prac-plant", "display": "Dr PLANTDOCTOR"}],
         "managingOrganization": {"reference": "Organization/employer-plant", "display": "PLANTORG"},
         "maritalStatus": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v3-MaritalStatus", "code": "M", "display": "PLANTMARITAL"}], "text": "PLANTMARITALTEXT"}}
        """,
        """
        {"resourceType": "Observation", "id": "obs-plant-1",
         "text": {"status": "generated", "div": "<div xmlns=\\"http://www.w3.org/1999/xhtml\\">PLANTOBSNARRATIVE</div>"},
         "identifier": [{"system": "http://lab.example.org/accession", "value": "ACCESSION-PLANT-881"}], "status": "final",
         "category": [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/observation-category", "code": "laboratory"}]}],
         "code": {"coding": [{"system": "http://loinc.org", "code": "2339-0", "display": "PLANTCODEDISPLAY"}], "text": "PLANTCODETEXT"},
         "subject": {"reference": "Patient/\(patientID)", "display": "PLANTSUBJECTDISPLAY"},
         "encounter": {"reference": "Encounter/enc-plant"},
         "effectiveDateTime": "2021-06-15T10:30:00Z", "issued": "2021-06-16T09:00:00Z",
         "performer": [{"reference": "Practitioner/prac-plant", "display": "PLANTPERFORMER"}],
         "valueQuantity": {"value": 95, "unit": "mg/dL", "system": "http://unitsofmeasure.org", "code": "mg/dL"},
         "note": [{"authorString": "PLANTNOTEAUTHOR", "text": "PLANTNOTE patient SSN 123-45-6789"}],
         "device": {"reference": "Device/dev-plant", "display": "PLANTDEVICE serial SN-PLANT-9931 UDI-PLANT-0042"},
         "extension": [{"url": "http://example.org/fhir/StructureDefinition/vehicle", "valueString": "VIN-PLANT-1HGCM82633"}],
         "referenceRange": [{"low": {"value": 70, "unit": "mg/dL"}, "high": {"value": 99, "unit": "mg/dL"}, "text": "PLANTRANGETEXT"}]}
        """,
        """
        {"resourceType": "Observation", "id": "obs-plant-age", "status": "final",
         "code": {"coding": [{"system": "http://loinc.org", "code": "30525-0"}]},
         "subject": {"reference": "Patient/old-plant"}, "effectiveDateTime": "2021-06-15",
         "valueQuantity": {"value": 94, "unit": "a", "system": "http://unitsofmeasure.org", "code": "a"}}
        """,
        """
        {"resourceType": "Patient", "id": "old-plant", "gender": "male", "birthDate": "1932-02-03",
         "name": [{"family": "Oldplant"}], "address": [{"state": "MA", "postalCode": "03601"}]}
        """,
        """
        {"resourceType": "DiagnosticReport", "id": "report-plant", "identifier": [{"value": "DR-ACCESSION-PLANT"}], "status": "final",
         "code": {"coding": [{"system": "http://loinc.org", "code": "58410-2"}], "text": "PLANTREPORTTEXT"},
         "subject": {"reference": "Patient/\(patientID)"}, "result": [{"reference": "Observation/obs-plant-1", "display": "PLANTRESULTDISPLAY"}],
         "effectiveDateTime": "2021-06-15", "conclusion": "PLANTCONCLUSION",
         "presentedForm": [{"contentType": "text/plain", "data": "UExBTlRGT1JN", "title": "PLANTFORMTITLE"}]}
        """,
        """
        {"resourceType": "Condition", "id": "cond-plant",
         "clinicalStatus": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/condition-clinical", "code": "active"}]},
         "code": {"coding": [{"system": "http://snomed.info/sct", "code": "44054006"}], "text": "PLANTCONDITIONTEXT"},
         "subject": {"reference": "Patient/\(patientID)"}, "onsetDateTime": "2021-06-15",
         "note": [{"text": "PLANTCONDITIONNOTE fingerprint UExBTlRQUklOVA=="}]}
        """,
        """
        {"resourceType": "Encounter", "id": "enc-plant", "status": "finished",
         "class": {"system": "http://terminology.hl7.org/CodeSystem/v3-ActCode", "code": "AMB"},
         "subject": {"reference": "Patient/\(patientID)"}, "period": {"start": "2021-06-15T10:00:00Z", "end": "2021-06-15T11:00:00Z"},
         "location": [{"location": {"reference": "Location/loc-plant", "display": "PLANTWARD"}}]}
        """,
    ]
}
