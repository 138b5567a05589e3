{{/* Chart name, possibly overridden. */}}
{{- define "lora-training-operator.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Full name of the release's objects: the release name, plus the chart name unless the release name holds it. */}}
{{- define "lora-training-operator.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/* Labels that select the operator pods; never change them, a Deployment's selector is immutable. */}}
{{- define "lora-training-operator.selectorLabels" -}}
app.kubernetes.io/name: {{ include "lora-training-operator.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/* Labels on every object. */}}
{{- define "lora-training-operator.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{ include "lora-training-operator.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{/* The ServiceAccount the operator runs as. */}}
{{- define "lora-training-operator.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "lora-training-operator.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- required "serviceAccount.name is required when serviceAccount.create=false" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/* The image reference: by digest when one is given, else by tag (default: the chart's appVersion). */}}
{{- define "lora-training-operator.image" -}}
{{- if .Values.image.digest }}
{{- printf "%s@%s" .Values.image.repository .Values.image.digest }}
{{- else }}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) }}
{{- end }}
{{- end }}

{{/*
Rules the operator needs wherever it watches LoraTrainingJobs (cluster-wide, or in each watched namespace).
Each rule is one API call family of the code; RbacMatchesApiCallsTest keeps this list equal to ApiCalls.java.
*/}}
{{- define "lora-training-operator.watchedRules" -}}
# JOSDK informer (list, watch), finalizer add/remove as JSON patch (patch), re-read on conflict (get).
- apiGroups: ["training.lora-operator.dev"]
  resources: ["loratrainingjobs"]
  verbs: ["get", "list", "watch", "patch"]
# StatusWriter: PUT of the status subresource.
- apiGroups: ["training.lora-operator.dev"]
  resources: ["loratrainingjobs/status"]
  verbs: ["update"]
# The LoraDataset controller: JOSDK informer (list, watch), finalizer patch, re-read on conflict (get).
- apiGroups: ["training.lora-operator.dev"]
  resources: ["loradatasets"]
  verbs: ["get", "list", "watch", "patch"]
# LoraDatasetReconciler: status written as a patch of the status subresource.
- apiGroups: ["training.lora-operator.dev"]
  resources: ["loradatasets/status"]
  verbs: ["patch"]
# CredentialsResolver (spec.credentialsSecretRef), InputReader (spec.configFrom.configMapKeyRef) and SourceResolver
# (a LoraDataset's configMapRef and urlFrom): GET by name.
- apiGroups: [""]
  resources: ["secrets", "configmaps"]
  verbs: ["get"]
# EventRecorder: new core/v1 Events on the LoraTrainingJob.
- apiGroups: [""]
  resources: ["events"]
  verbs: ["create"]
{{- end }}
