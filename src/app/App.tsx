import { useEffect, useState } from 'preact/hooks';
import type { Template } from '../core/template/schema';
import { loadBundledTemplates } from './bundled-templates';
import { en as t } from './messages/en';
import { UpdatePrompt } from './UpdatePrompt';

export function App() {
  const [templates, setTemplates] = useState<Template[] | undefined>(undefined);
  useEffect(() => {
    void loadBundledTemplates().then(setTemplates);
  }, []);
  const latest = templates?.[0];

  return (
    <>
      <header class="masthead">
        <h1>{t.appName}</h1>
        <p>{t.tagline}</p>
      </header>
      <main>
        <p class="note">{t.privacy}</p>
        <p>{t.builderComing}</p>
        <h2>{t.templatesHeading}</h2>
        {latest === undefined ? (
          <p>{t.loadingTemplates}</p>
        ) : (
          <section aria-labelledby="template-title">
            <h3 id="template-title">{latest.title}</h3>
            <p class="meta">{t.templateVersion(latest.version, latest.published)}</p>
            <p>{latest.description}</p>
            <h4>{t.sectionsHeading}</h4>
            <ul class="sections">
              {latest.sections.map((section) => (
                <li key={section.id} class={`severity-${section.severity}`}>
                  <strong>{section.title}</strong> <span class="meta">({section.defaultSelected ? t.onByDefault : t.offByDefault})</span>
                  <br />
                  {section.summary}
                </li>
              ))}
            </ul>
            <p class="meta">{latest.disclaimer}</p>
          </section>
        )}
      </main>
      <UpdatePrompt t={t} />
    </>
  );
}
